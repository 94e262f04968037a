package cn.fengxing.pairing;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Townships for the care pairing tests: communities c1 and c2, each with a grid whose worker (from the grids file's
 * {@code workers}) is a handler of its own — {@code <code>-handler} for c1, {@code <code>-handler2} for c2 — and three
 * active riders ({@code <code>-rider}, {@code -r1}, {@code -r2}).
 */
final class PairingTownships {

    private PairingTownships() {
    }

    static String handler2(String code) {
        return code + "-handler2";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest(String code, double lon, double lat) {
        Map<String, Object> m = new HashMap<>(TestTenants.manifest(code, lon, lat));
        List<Object> members = new ArrayList<>((List<Object>) m.get("members"));
        List<Object> riders = new ArrayList<>((List<Object>) m.get("riders"));
        members.add(Map.of("subject", handler2(code), "name", code + " 网格员二", "roles", List.of("handler")));
        for (int i = 1; i <= 2; i++) {
            String subject = code + "-r" + i;
            members.add(Map.of("subject", subject, "name", code + " 骑手" + (i + 1), "roles", List.of("rider")));
            riders.add(Map.of("name", code + " 骑手" + (i + 1), "phone", String.valueOf(13900000000L + i),
                    "platform", "eleme", "depot", "城区站", "subject", subject));
        }
        m.put("members", members);
        m.put("riders", riders);
        m.put("grids", Map.of("type", "FeatureCollection", "features", List.of(
                grid("g1", "c1", lon, lat, List.of(TestTenants.member(code, "handler"))),
                grid("g2", "c2", lon + 0.03, lat, List.of(handler2(code))))));
        return m;
    }

    static Map<String, Object> grid(String code, String community, double lon, double lat, List<String> workers) {
        Map<String, Object> properties = new HashMap<>(Map.of("code", code, "name", code + "网格",
                "community", community, "type", "basic", "households", 100, "workers", workers));
        return Map.of("type", "Feature", "geometry", TestTenants.square(lon, lat, 0.01), "properties", properties);
    }

    static ValidatableResponse apply(String code, Map<String, Object> manifest) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then();
    }

    /** Onboards (or re-applies) the township and forgets its care pairing rows. */
    static void onboard(String code, double lon, double lat) {
        apply(code, manifest(code, lon, lat)).statusCode(200);
        clear(code);
    }

    static void clear(String code) {
        try (var c = Db.superuser(); var st = c.createStatement()) {
            for (String table : List.of("pairing_alert", "pairing_visit", "pairing", "elder", "pairing_settings")) {
                st.execute("delete from " + table + " where tenant_id = '" + code + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static long riderId(String code, String subject) {
        return Long.parseLong(Db.strings("select id from rider where tenant_id = '" + code + "' and subject = '"
                + subject + "'").get(0));
    }

    static long audits(String code, String action) {
        return Db.count("select count(*) from audit_log where tenant_code = '" + code + "' and action = '" + action + "'");
    }

    /** An elder as staff write one, in the community given. */
    static Map<String, Object> elder(String community, String family, String given, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("community", community);
        body.put("familyName", family);
        body.put("givenName", given);
        body.put("address", "月坛西街3号院2号楼1单元101");
        body.put("lon", 116.35);
        body.put("lat", 39.91);
        body.put("phone", phone);
        body.put("familyContactName", "李明辉");
        body.put("familyContactPhone", "13987654321");
        body.put("landmark", "楼下有红色信报箱");
        body.put("notes", "腿脚不便，敲门稍等");
        return body;
    }

    static long createElder(String code, String subject, Map<String, Object> body) {
        return as(subject).body(body).post("/api/t/" + code + "/pairing/elders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
