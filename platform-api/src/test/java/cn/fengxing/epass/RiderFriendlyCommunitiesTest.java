package cn.fengxing.epass;

import cn.fengxing.support.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.fengxing.epass.EpassTest.as;
import static cn.fengxing.epass.EpassTest.feature;
import static cn.fengxing.epass.EpassTest.friendlyId;
import static cn.fengxing.epass.EpassTest.issue;
import static cn.fengxing.epass.EpassTest.onboard;
import static cn.fengxing.epass.EpassTest.riderId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Friendly communities in the rider app: the nearest ones with distance, one with its map, and whether the
 * rider holds an e-pass in force for it. Only for active riders, only the rider's own township; maps are
 * checked feature by feature.
 */
@QuarkusTest
class RiderFriendlyCommunitiesTest {

    static final String A = "fr-a";
    static final String B = "fr-b";
    static final double LON = 135.5;
    static final double LAT = 34.0;

    @BeforeEach
    void townships() {
        // fc1 at (LON, LAT), fc2 about 185 m east of it
        onboard(A, LON, LAT);
        onboard(B, LON + 1, LAT);
    }

    static String nearby(String tenant) {
        return "/api/t/" + tenant + "/rider/friendly-communities/nearby";
    }

    @Test
    void aRiderSeesTheNearestWithDistanceAndTheirOwnPassInForce() {
        String rider = TestTenants.member(A, "rider");
        // standing about 90 m east of fc2, 275 m from fc1
        as(rider).queryParam("lon", LON + 0.003).queryParam("lat", LAT).get(nearby(A)).then().statusCode(200)
                .body("code", contains("fc2", "fc1"))
                .body("[0].distanceMetres", equalTo(92)).body("[1].distanceMetres", equalTo(277))
                .body("[0].name", equalTo("阳光小区")).body("[0].kinds", contains("building", "entrance", "parking"))
                .body("[0].map", nullValue()).body("pass", contains(nullValue(), nullValue()));
        as(rider).queryParam("lon", LON).queryParam("lat", LAT).queryParam("limit", 1).get(nearby(A)).then()
                .statusCode(200).body("code", contains("fc1")).body("[0].distanceMetres", equalTo(0));

        OffsetDateTime now = OffsetDateTime.now();
        issue(A, now.minusDays(10), now.minusDays(1), "fc1");  // expired
        issue(A, now.plusDays(1), now.plusDays(10), "fc1");    // not yet valid
        String revoked = issue(A, now.minusHours(1), now.plusDays(60), "fc1");
        as(TestTenants.admin(A)).body(Map.of("reason", "测试")).post("/api/t/" + A + "/epasses/" + revoked + "/revoke")
                .then().statusCode(200);
        String shorter = issue(A, now.minusHours(1), now.plusDays(5), "fc1", "fc2");
        String longer = issue(A, now.minusHours(1), now.plusDays(20), "fc1");

        as(rider).queryParam("lon", LON).queryParam("lat", LAT).get(nearby(A)).then().statusCode(200)
                .body("code", contains("fc1", "fc2"))
                .body("[0].pass.id", equalTo(longer)).body("[1].pass.id", equalTo(shorter))
                .body("[0].pass.validUntil", notNullValue());

        long fc1 = friendlyId(A, "fc1");
        as(rider).get("/api/t/" + A + "/rider/friendly-communities/" + fc1).then().statusCode(200)
                .body("name", equalTo("锦绣花园")).body("address", equalTo("宁乡镇锦绣花园"))
                .body("map.features.properties.kind", contains("entrance", "parking", "building"))
                .body("map.features[2].geometry.type", equalTo("Polygon"))
                .body("pass.id", equalTo(longer)).body("activeEpasses", nullValue());

        // another rider's pass is not this rider's: B's rider holds none in B
        issue(B, now.minusHours(1), now.plusDays(5), "fc1");
        as(TestTenants.member(B, "rider")).get("/api/t/" + B + "/rider/friendly-communities/" + friendlyId(B, "fc2"))
                .then().statusCode(200).body("pass", nullValue());
    }

    @Test
    void onlyActiveRidersOfTheTownship() {
        long fc1 = friendlyId(A, "fc1");
        String one = "/api/t/" + A + "/rider/friendly-communities/" + fc1;
        for (String role : List.of("tenant_admin", "dispatcher", "handler", "station_keeper")) {
            String subject = role.equals("tenant_admin") ? TestTenants.admin(A) : TestTenants.member(A, role);
            as(subject).get(one).then().statusCode(403);
            as(subject).queryParam("lon", LON).queryParam("lat", LAT).get(nearby(A)).then().statusCode(403);
        }
        // B's rider: not a member of A; B's community: not found from A
        as(TestTenants.member(B, "rider")).get(one).then().statusCode(403);
        as(TestTenants.member(B, "rider")).queryParam("lon", LON).queryParam("lat", LAT).get(nearby(A)).then()
                .statusCode(403);
        as(TestTenants.member(A, "rider")).get("/api/t/" + A + "/rider/friendly-communities/" + friendlyId(B, "fc1"))
                .then().statusCode(404);
        // A's rider near B's communities still sees only A's
        as(TestTenants.member(A, "rider")).queryParam("lon", LON + 1).queryParam("lat", LAT).get(nearby(A)).then()
                .statusCode(200).body("code", contains("fc2", "fc1"));

        // malformed: no position, position off the globe, too many
        as(TestTenants.member(A, "rider")).queryParam("lat", LAT).get(nearby(A)).then().statusCode(400);
        as(TestTenants.member(A, "rider")).queryParam("lon", LON).queryParam("lat", 91).get(nearby(A)).then()
                .statusCode(400);
        as(TestTenants.member(A, "rider")).queryParam("lon", LON).queryParam("lat", LAT).queryParam("limit", 51)
                .get(nearby(A)).then().statusCode(400);

        // a suspended rider loses the rider role, and with it these screens
        long rider = riderId(A);
        as(TestTenants.admin(A)).post("/api/t/" + A + "/riders/" + rider + "/suspend").then().statusCode(200);
        try {
            as(TestTenants.member(A, "rider")).get(one).then().statusCode(403);
            as(TestTenants.member(A, "rider")).queryParam("lon", LON).queryParam("lat", LAT).get(nearby(A)).then()
                    .statusCode(403);
        } finally {
            as(TestTenants.admin(A)).post("/api/t/" + A + "/riders/" + rider + "/resume").then().statusCode(200);
        }
        as(TestTenants.member(A, "rider")).get(one).then().statusCode(200);
    }

    @Test
    void mapsTakeOutlinesWhereTheyFitTheKindAndNameTheFeatureThatDoesNot() {
        String path = "/api/t/" + A + "/friendly-communities";
        Map<String, Object> point = Map.of("type", "Point", "coordinates", List.of(LON, LAT));
        Map<String, Object> strip = Map.of("type", "LineString",
                "coordinates", List.of(List.of(LON, LAT), List.of(LON + 0.0005, LAT)));
        Map<String, Object> outline = TestTenants.square(LON + 0.001, LAT + 0.001, 0.0002);
        Map<String, Object> open = Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(LON, LAT), List.of(LON + 0.001, LAT), List.of(LON + 0.001, LAT + 0.001), List.of(LON, LAT + 0.001))));
        Map<String, Object> input = new HashMap<>(Map.of("code", "rich", "name", "丰富小区", "lon", LON, "lat", LAT,
                "map", collection(
                        feature("entrance", "南门", point),
                        feature("building", "1号楼", outline),
                        feature("entrance", "东门", outline),
                        feature("unit", "1号楼 1单元", strip),
                        feature("building", "2号楼", open),
                        feature("parking", "路边停车带", strip))));
        as(TestTenants.admin(A)).body(input).post(path).then().statusCode(400)
                .body("errors.field", contains("map.features[2].geometry", "map.features[3].geometry",
                        "map.features[4].geometry"))
                .body("errors[0].message", containsString("Point"));

        input.put("map", collection(
                feature("entrance", "南门", point),
                feature("building", "1号楼", outline),
                feature("unit", "1号楼 1单元", Map.of("type", "Point", "coordinates", List.of(LON + 0.001, LAT + 0.0008))),
                feature("parking", "路边停车带", strip),
                feature("facility", "快递柜", point),
                feature("landmark", "中心广场", TestTenants.square(LON + 0.002, LAT + 0.001, 0.0002))));
        long id = as(TestTenants.admin(A)).body(input).post(path).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(TestTenants.member(A, "rider")).get("/api/t/" + A + "/rider/friendly-communities/" + id).then().statusCode(200)
                .body("map.features", hasSize(6))
                .body("map.features.geometry.type", contains("Point", "Polygon", "Point", "LineString", "Point", "Polygon"));
        as(TestTenants.member(A, "rider")).queryParam("lon", LON).queryParam("lat", LAT).get(nearby(A)).then()
                .statusCode(200).body("find { it.code == 'rich' }.kinds",
                        contains("building", "entrance", "facility", "landmark", "parking", "unit"));
        as(TestTenants.admin(A)).delete(path + "/" + id).then().statusCode(204);
    }

    static Map<String, Object> collection(Object... features) {
        return Map.of("type", "FeatureCollection", "features", List.of(features));
    }
}
