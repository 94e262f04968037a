package cn.fengxing.pairing;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Care pairing's rows for tests, written straight to the database (elders and pairings are kept by other
 * endpoints; these tests are about visits and alerts): townships in a time zone of their own, elders, pairings,
 * the handler as grid worker of community c1.
 */
final class PairingFixtures {

    private PairingFixtures() {
    }

    /** Onboards the township in the zone, with further riders, and makes its handler grid worker of c1's grid g1. */
    @SuppressWarnings("unchecked")
    static void township(String code, double lon, double lat, String zone, List<String> riders) {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(code, lon, lat));
        manifest.put("timeZone", zone);
        List<Object> members = new java.util.ArrayList<>((List<Object>) manifest.get("members"));
        List<Object> riderRows = new java.util.ArrayList<>((List<Object>) manifest.get("riders"));
        for (int i = 0; i < riders.size(); i++) {
            String name = code + " 骑手" + (i + 2);
            members.add(Map.of("subject", riders.get(i), "name", name, "roles", List.of("rider")));
            riderRows.add(Map.of("name", name, "phone", String.valueOf(13900000000L + i), "platform", "eleme",
                    "depot", "城区站", "subject", riders.get(i)));
        }
        manifest.put("members", members);
        manifest.put("riders", riderRows);
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(200);
        sql("insert into grid_worker (tenant_id, grid_id, subject) select tenant_id, id, '"
                + TestTenants.member(code, "handler") + "' from grid where tenant_id = '" + code
                + "' and code = 'g1' on conflict do nothing");
    }

    /** Forgets the townships' care pairing rows and inbox messages. */
    static void clear(String... codes) {
        String in = "('" + String.join("', '", codes) + "')";
        for (String table : List.of("notification", "pairing_alert", "pairing_visit", "pairing", "elder",
                "pairing_settings")) {
            sql("delete from " + table + " where tenant_id in " + in);
        }
        sql("delete from audit_log where tenant_code in " + in + " and action like 'pairing.%'");
    }

    static long elder(String tenant, String community, String family, String given) {
        return id("insert into elder (tenant_id, community_id, family_name, given_name, address) select '" + tenant
                + "', id, '" + family + "', '" + given + "', '月坛西街 12 号院 3 号楼' from community where tenant_id = '"
                + tenant + "' and code = '" + community + "' returning id");
    }

    static long pairing(String tenant, long elder, String riderSubject, LocalDate start) {
        return id("insert into pairing (tenant_id, elder_id, rider_id, start_on) select '" + tenant + "', " + elder
                + ", id, '" + start + "' from rider where tenant_id = '" + tenant + "' and subject = '"
                + riderSubject + "' returning id");
    }

    static void settings(String tenant, int streakDays, int followUpMinutes) {
        sql("insert into pairing_settings (tenant_id, streak_days, follow_up_minutes) values ('" + tenant + "', "
                + streakDays + ", " + followUpMinutes + ") on conflict (tenant_id) do update set streak_days = "
                + streakDays + ", follow_up_minutes = " + followUpMinutes);
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static void sql(String sql) {
        try (Connection c = Db.superuser(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long id(String sql) {
        try (Connection c = Db.superuser(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
