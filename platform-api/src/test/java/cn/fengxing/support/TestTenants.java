package cn.fengxing.support;

import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Onboards test townships through the platform API, exactly as an operator would: a member per
 * tenant role (the rider also an active rider record), two communities, and grid g1 (with
 * micro-grid g1-m1) at a location of the township's own.
 */
public final class TestTenants {

    private TestTenants() {
    }

    public static String admin(String tenant) {
        return tenant + "-admin";
    }

    public static String member(String tenant, String role) {
        return tenant + "-" + role;
    }

    /** Creates (or re-applies) the township; each gets its own area so points never cross townships. */
    public static void onboard(String code, double lon, double lat) {
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(manifest(code, lon, lat))
                .when().put("/api/platform/tenants/" + code)
                .then().statusCode(200);
    }

    /** Onboards the township with further active riders (each a member with the rider role and a roster entry). */
    public static void onboardWithRiders(String code, double lon, double lat, List<String> riderSubjects) {
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(manifestWithRiders(code, lon, lat, riderSubjects))
                .when().put("/api/platform/tenants/" + code)
                .then().statusCode(200);
    }

    /** The manifest with further active riders (each a member with the rider role and a roster entry). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> manifestWithRiders(String code, double lon, double lat,
                                                         List<String> riderSubjects) {
        Map<String, Object> manifest = new java.util.HashMap<>(manifest(code, lon, lat));
        List<Object> members = new java.util.ArrayList<>((List<Object>) manifest.get("members"));
        List<Object> riders = new java.util.ArrayList<>((List<Object>) manifest.get("riders"));
        for (int i = 0; i < riderSubjects.size(); i++) {
            String name = code + " 骑手" + (i + 2);
            members.add(Map.of("subject", riderSubjects.get(i), "name", name, "roles", List.of("rider")));
            riders.add(Map.of("name", name, "phone", String.valueOf(13900000000L + i), "platform", "eleme",
                    "depot", "城区站", "subject", riderSubjects.get(i)));
        }
        manifest.put("members", members);
        manifest.put("riders", riders);
        return manifest;
    }

    public static Map<String, Object> manifest(String code, double lon, double lat) {
        return manifest(code, lon, lat, admin(code));
    }

    /** The manifest with the given subject as the township's admin. */
    public static Map<String, Object> manifest(String code, double lon, double lat, String adminSubject) {
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        for (String role : List.of("tenant_admin", "dispatcher", "handler", "rider", "station_keeper")) {
            members.add(Map.of("subject", role.equals("tenant_admin") ? adminSubject : member(code, role),
                    "name", code + " " + role, "roles", List.of(role)));
        }
        return Map.of(
                "code", code,
                "name", code + " 镇",
                "nameEn", code + " town",
                "region", List.of("测试省", "测试市", code + "县"),
                "timeZone", "Asia/Shanghai",
                "members", members,
                "communities", List.of(Map.of("code", "c1", "name", "一社区"), Map.of("code", "c2", "name", "二社区")),
                "riders", List.of(Map.of("name", code + " 骑手", "phone", "13800000001", "platform", "meituan",
                        "depot", "城区站", "subject", member(code, "rider"))),
                "grids", Map.of("type", "FeatureCollection", "features", List.of(
                        feature("g1", "第一网格", "c1", null, square(lon, lat, 0.01), 120),
                        feature("g1-m1", "第一微网格", "c1", "g1", square(lon, lat, 0.004), 40))));
    }

    public static Map<String, Object> feature(String code, String name, String community, String parent,
                                              Map<String, Object> geometry, int households) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "code", code, "name", name, "community", community, "type", "basic", "households", households));
        if (parent != null) {
            properties.put("parent", parent);
        }
        return Map.of("type", "Feature", "geometry", geometry, "properties", properties);
    }

    /** A closed square Polygon centred on (lon, lat) with the given half-width in degrees. */
    public static Map<String, Object> square(double lon, double lat, double half) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(lon - half, lat - half), List.of(lon + half, lat - half), List.of(lon + half, lat + half),
                List.of(lon - half, lat + half), List.of(lon - half, lat - half))));
    }
}
