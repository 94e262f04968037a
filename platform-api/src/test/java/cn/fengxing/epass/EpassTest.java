package cn.fengxing.epass;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** E-passes: issued by the admin, shown by the rider as a signed code, verified by a guard online and offline. */
@QuarkusTest
class EpassTest {

    static final String A = "ep-a";
    static final String B = "ep-b";

    @BeforeEach
    void townships() {
        onboard(A, 135.0, 33.0);
        onboard(B, 136.0, 33.0);
    }

    static Map<String, Object> manifest(String code, double lon, double lat) {
        Map<String, Object> m = new HashMap<>(TestTenants.manifest(code, lon, lat));
        m.put("friendlyCommunities", List.of(
                friendly("fc1", "锦绣花园", "c1", lon, lat),
                friendly("fc2", "阳光小区", null, lon + 0.002, lat)));
        return m;
    }

    static void onboard(String code, double lon, double lat) {
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest(code, lon, lat))
                .put("/api/platform/tenants/" + code).then().statusCode(200);
    }

    static Map<String, Object> friendly(String code, String name, String community, double lon, double lat) {
        Map<String, Object> f = new HashMap<>(Map.of("code", code, "name", name, "address", "宁乡镇" + name,
                "lon", lon, "lat", lat, "map", map(lon, lat)));
        if (community != null) {
            f.put("community", community);
        }
        return f;
    }

    static Map<String, Object> map(double lon, double lat) {
        return Map.of("type", "FeatureCollection", "features", List.of(
                feature("entrance", "东门", Map.of("type", "Point", "coordinates", List.of(lon, lat))),
                feature("parking", "骑手专用停车区", TestTenants.square(lon + 0.0005, lat, 0.0001)),
                feature("building", "3号楼", TestTenants.square(lon, lat + 0.001, 0.0002))));
    }

    static Map<String, Object> feature(String kind, String label, Map<String, Object> geometry) {
        return Map.of("type", "Feature", "properties", Map.of("kind", kind, "label", label), "geometry", geometry);
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static long friendlyId(String tenant, String code) {
        return as(TestTenants.admin(tenant)).get("/api/t/" + tenant + "/friendly-communities").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.code == '" + code + "' }.id");
    }

    static long riderId(String tenant) {
        // the onboarded rider is the township's only active one
        return as(TestTenants.admin(tenant)).queryParam("status", "active").get("/api/t/" + tenant + "/riders").then()
                .body("total", equalTo(1)).extract().jsonPath().getLong("items[0].id");
    }

    static String issue(String tenant, OffsetDateTime from, OffsetDateTime until, String... codes) {
        List<Long> ids = java.util.Arrays.stream(codes).map(c -> friendlyId(tenant, c)).toList();
        return as(TestTenants.admin(tenant)).body(Map.of("riderId", riderId(tenant), "friendlyCommunityIds", ids,
                        "validFrom", from.toString(), "validUntil", until.toString()))
                .post("/api/t/" + tenant + "/epasses").then().statusCode(201).extract().path("id");
    }

    /** The rider's token for a pass, from their own list. */
    static String token(String tenant, String passId) {
        return as(TestTenants.member(tenant, "rider")).get("/api/t/" + tenant + "/rider/epasses").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.id == '" + passId + "' }.token");
    }

    static io.restassured.response.ValidatableResponse verify(String tenant, String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/t/" + tenant + "/epasses/verify").then().statusCode(200);
    }

    @Test
    void aValidPassIsRevokedAndTheNextOnlineCheckSaysSo() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        String id = issue(A, now.minusHours(1), now.plusDays(30), "fc1", "fc2");
        String token = token(A, id);
        verify(A, token).body("result", equalTo("valid")).body("riderName", equalTo(A + " 骑手"))
                .body("communities", equalTo(List.of("锦绣花园", "阳光小区")));

        // a guard's phone checks it offline with the township's public keys
        String keys = given().get("/api/t/" + A + "/keys").then().statusCode(200).extract().asString();
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(keys).getJsonWebKeys()))
                .setExpectedIssuer(A).setSkipDefaultAudienceValidation().build().processToClaims(token);
        assertThat(claims.getClaimValueAsString("typ")).isEqualTo("epass");
        assertThat(claims.getJwtId()).isEqualTo(id);
        assertThat(claims.getClaimValueAsString("name")).isEqualTo(A + " 骑手");
        assertThat(claims.getStringListClaimValue("communities")).containsExactly("锦绣花园", "阳光小区");
        assertThat(claims.getNotBefore().getValue()).isEqualTo(now.minusHours(1).toEpochSecond());

        as(TestTenants.member(A, "dispatcher")).body(Map.of("reason", "x")).post("/api/t/" + A + "/epasses/" + id + "/revoke")
                .then().statusCode(403);
        as(TestTenants.admin(A)).body(Map.of()).post("/api/t/" + A + "/epasses/" + id + "/revoke").then().statusCode(400);
        as(TestTenants.admin(A)).body(Map.of("reason", "离职")).post("/api/t/" + A + "/epasses/" + id + "/revoke")
                .then().statusCode(200).body("status", equalTo("revoked")).body("state", equalTo("revoked"));
        as(TestTenants.admin(A)).body(Map.of("reason", "again")).post("/api/t/" + A + "/epasses/" + id + "/revoke")
                .then().statusCode(409);
        verify(A, token).body("result", equalTo("revoked")).body("riderName", equalTo(A + " 骑手"));
        assertThat(token(A, id)).isNull();
        assertThat(Db.strings("select action from audit_log where tenant_code = '" + A + "' and target = '" + id + "' order by id"))
                .containsExactly("epass.issue", "epass.revoke");
    }

    @Test
    void expiredNotYetValidForeignAndTamperedPasses() {
        OffsetDateTime now = OffsetDateTime.now();
        verify(A, token(A, issue(A, now.minusDays(10), now.minusDays(1), "fc1"))).body("result", equalTo("expired"))
                .body("riderName", equalTo(A + " 骑手"));
        verify(A, token(A, issue(A, now.plusDays(1), now.plusDays(10), "fc2"))).body("result", equalTo("not_yet_valid"));

        String foreign = token(B, issue(B, now.minusHours(1), now.plusDays(1), "fc1"));
        verify(B, foreign).body("result", equalTo("valid"));
        verify(A, foreign).body("result", equalTo("invalid")).body("riderName", nullValue());

        String good = token(A, issue(A, now.minusHours(1), now.plusDays(1), "fc1"));
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"name\":\"", "\"name\":\"假");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        verify(A, tampered).body("result", equalTo("invalid"));
        verify(A, "not-a-pass").body("result", equalTo("invalid"));
        // a rider's personal code is signed by the same key, but is no e-pass
        String riderCode = as(TestTenants.member(A, "rider")).get("/api/t/" + A + "/rider/code").then().extract().path("code");
        verify(A, riderCode).body("result", equalTo("invalid"));
    }

    @Test
    void issuingChecksRiderCommunitiesAndPeriod() {
        OffsetDateTime now = OffsetDateTime.now();
        long rider = riderId(A);
        long fc1 = friendlyId(A, "fc1");
        long count = Db.count("select count(*) from epass where tenant_id = '" + A + "'");
        String path = "/api/t/" + A + "/epasses";
        as(TestTenants.admin(A)).body(Map.of("riderId", rider, "friendlyCommunityIds", List.of(),
                "validFrom", now.toString(), "validUntil", now.plusDays(1).toString())).post(path).then().statusCode(400);
        as(TestTenants.admin(A)).body(Map.of("riderId", rider, "friendlyCommunityIds", List.of(fc1),
                "validFrom", now.toString(), "validUntil", now.minusDays(1).toString())).post(path).then().statusCode(400);
        as(TestTenants.admin(A)).body(Map.of("riderId", rider, "friendlyCommunityIds", List.of(fc1),
                "validFrom", now.toString(), "validUntil", now.plusYears(1).plusDays(1).toString())).post(path).then().statusCode(400);
        as(TestTenants.admin(A)).body(Map.of("riderId", rider, "friendlyCommunityIds", List.of(friendlyId(B, "fc1")),
                "validFrom", now.toString(), "validUntil", now.plusDays(1).toString())).post(path).then().statusCode(400);
        as(TestTenants.admin(A)).body(Map.of("riderId", riderId(B), "friendlyCommunityIds", List.of(fc1),
                "validFrom", now.toString(), "validUntil", now.plusDays(1).toString())).post(path).then().statusCode(400);
        long pending = as("ep-pending").body(Map.of("name", "候审", "phone", "13500000777", "platform", "sf"))
                .post("/api/t/" + A + "/riders/registration").then().extract().jsonPath().getLong("id");
        as(TestTenants.admin(A)).body(Map.of("riderId", pending, "friendlyCommunityIds", List.of(fc1),
                "validFrom", now.toString(), "validUntil", now.plusDays(1).toString())).post(path).then().statusCode(400);
        assertThat(Db.count("select count(*) from epass where tenant_id = '" + A + "'")).isEqualTo(count);
    }

    @Test
    void listsFilterAndCountPassesPerCommunity() {
        OffsetDateTime now = OffsetDateTime.now();
        long fc2 = friendlyId(A, "fc2");
        long before = as(TestTenants.admin(A)).get("/api/t/" + A + "/friendly-communities/" + fc2).then().statusCode(200)
                .extract().jsonPath().getLong("activeEpasses");
        String id = issue(A, now.minusHours(1), now.plusDays(5), "fc2");
        as(TestTenants.member(A, "rider")).get("/api/t/" + A + "/friendly-communities/" + fc2).then().statusCode(200)
                .body("activeEpasses", equalTo((int) before + 1)).body("map.features[1].properties.kind", equalTo("parking"));
        as(TestTenants.member(A, "dispatcher")).queryParam("community", fc2).queryParam("status", "active")
                .get("/api/t/" + A + "/epasses").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.communities[0].code", equalTo("fc2"));
        as(TestTenants.admin(A)).queryParam("rider", riderId(A)).get("/api/t/" + A + "/epasses").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.token", nullValue());
        as(TestTenants.admin(A)).delete("/api/t/" + A + "/friendly-communities/" + fc2).then().statusCode(409);
    }

    @Test
    void friendlyCommunitiesFromTheManifestAreIdempotentAndMapsAreChecked() {
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest(A, 135.0, 33.0))
                .put("/api/platform/tenants/" + A).then().statusCode(200).body("changes.size()", equalTo(0));
        Map<String, Object> bad = new HashMap<>(manifest("ep-bad", 137.0, 33.0));
        bad.put("friendlyCommunities", List.of(Map.of("code", "x", "name", "坏", "lon", 137.0, "lat", 33.0,
                "community", "nope", "map", Map.of("type", "FeatureCollection", "features", List.of(
                        feature("gate", "", Map.of("type", "Point", "coordinates", List.of(200, 33))))))));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(bad)
                .put("/api/platform/tenants/ep-bad").then().statusCode(400)
                .body("errors.field", equalTo(List.of("friendlyCommunities[0].community",
                        "friendlyCommunities[0].map.features[0].properties.kind",
                        "friendlyCommunities[0].map.features[0].properties.label",
                        "friendlyCommunities[0].map.features[0].geometry")));

        String path = "/api/t/" + A + "/friendly-communities";
        Map<String, Object> input = new HashMap<>(Map.of("code", "fc9", "name", "新建小区", "lon", 135.01, "lat", 33.0,
                "map", Map.of("type", "FeatureCollection", "features", List.of(
                        feature("unit", "1号楼 1单元", Map.of("type", "MultiPoint", "coordinates", List.of(List.of(135, 33))))))));
        as(TestTenants.admin(A)).body(input).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("map.features[0].geometry"));
        Map<String, Object> mercator = new HashMap<>(map(135.01, 33.0));
        mercator.put("crs", Map.of("type", "name", "properties", Map.of("name", "EPSG:3857")));
        input.put("map", mercator);
        as(TestTenants.admin(A)).body(input).post(path).then().statusCode(400)
                .body("errors.field", equalTo(List.of("map.crs")));
        input.put("map", map(135.01, 33.0));
        long id = as(TestTenants.admin(A)).body(input).post(path).then().statusCode(201).body("activeEpasses", equalTo(0))
                .extract().jsonPath().getLong("id");
        as(TestTenants.admin(A)).body(input).post(path).then().statusCode(409);
        input.put("notes", "骑手可从东门进入");
        as(TestTenants.admin(A)).body(input).put(path + "/" + id).then().statusCode(200).body("notes", equalTo("骑手可从东门进入"));
        as(TestTenants.member(A, "rider")).get(path).then().statusCode(200).body("total", equalTo(3));
        as(TestTenants.member(A, "rider")).body(input).put(path + "/" + id).then().statusCode(403);
        as(TestTenants.admin(A)).delete(path + "/" + id).then().statusCode(204);
        as(TestTenants.admin(B)).get("/api/t/" + B + "/friendly-communities/" + friendlyId(A, "fc1")).then().statusCode(404);
    }
}
