package cn.fengxing.grid;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class GridApiTest {

    static final String T = "grid-t";
    static final double LON = 123.0;
    static final double LAT = 27.0;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void township() {
        TestTenants.onboard(T, LON, LAT);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return admin(T);
    }

    private static io.restassured.specification.RequestSpecification admin(String tenant) {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(tenant))).contentType(ContentType.JSON);
    }

    private static long communityId(String code) {
        return admin().get("/api/t/" + T + "/communities").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.code == '" + code + "' }.id");
    }

    @Test
    void createReadUpdateDeleteAGridAndItsMicroGrid() {
        long c2 = communityId("c2");
        Map<String, Object> grid = new HashMap<>(Map.of("code", "crud-g", "name", "增删网格", "communityId", c2,
                "type", "business", "households", 300, "workGroupLink", "https://work.example/group/1",
                "boundary", TestTenants.square(LON + 0.05, LAT, 0.01)));
        long id = admin().body(grid).post("/api/t/" + T + "/grids").then().statusCode(201)
                .body("level", equalTo("grid")).body("type", equalTo("business")).extract().jsonPath().getLong("id");
        long micro = admin().body(Map.of("code", "crud-m", "name", "增删微网格", "communityId", c2, "parentId", id,
                        "type", "basic", "households", 42, "boundary", TestTenants.square(LON + 0.05, LAT, 0.002)))
                .post("/api/t/" + T + "/grids").then().statusCode(201).body("level", equalTo("micro"))
                .extract().jsonPath().getLong("id");

        admin().queryParam("parent", id).get("/api/t/" + T + "/grids").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].code", equalTo("crud-m"));
        admin().queryParam("level", "micro").queryParam("community", c2).get("/api/t/" + T + "/grids").then()
                .statusCode(200).body("items.code", hasItems("crud-m"));

        grid.put("name", "改名网格");
        admin().body(grid).put("/api/t/" + T + "/grids/" + id).then().statusCode(200).body("name", equalTo("改名网格"));
        admin().get("/api/t/" + T + "/grids/" + id).then().statusCode(200).body("name", equalTo("改名网格"))
                .body("boundary.type", equalTo("Polygon"));

        admin().delete("/api/t/" + T + "/grids/" + id).then().statusCode(409);
        admin().delete("/api/t/" + T + "/communities/" + c2).then().statusCode(409);
        admin().delete("/api/t/" + T + "/grids/" + micro).then().statusCode(204);
        admin().delete("/api/t/" + T + "/grids/" + id).then().statusCode(204);
        admin().get("/api/t/" + T + "/grids/" + id).then().statusCode(404);
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + T + "' and action like 'grid.%'"))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aMicroGridHangsUnderAGridOfTheSameCommunity() {
        long c1 = communityId("c1");
        long c2 = communityId("c2");
        long g1 = admin().get("/api/t/" + T + "/grids").then().extract().jsonPath().getLong("items.find { it.code == 'g1' }.id");
        long m1 = admin().get("/api/t/" + T + "/grids").then().extract().jsonPath().getLong("items.find { it.code == 'g1-m1' }.id");
        admin().body(Map.of("code", "mm", "name", "x", "communityId", c1, "parentId", m1, "type", "basic",
                "boundary", TestTenants.square(LON, LAT, 0.001))).post("/api/t/" + T + "/grids").then().statusCode(400);
        admin().body(Map.of("code", "mm", "name", "x", "communityId", c2, "parentId", g1, "type", "basic",
                "boundary", TestTenants.square(LON, LAT, 0.001))).post("/api/t/" + T + "/grids").then().statusCode(400);
    }

    @Test
    void locateFindsTheMicroGridGridAndCommunityOfAPoint() {
        admin().queryParam("lon", LON + 0.001).queryParam("lat", LAT + 0.001).get("/api/t/" + T + "/grids/locate").then()
                .statusCode(200).body("community.code", equalTo("c1")).body("grid.code", equalTo("g1"))
                .body("microGrid.code", equalTo("g1-m1"));
        admin().queryParam("lon", LON + 0.008).queryParam("lat", LAT - 0.008).get("/api/t/" + T + "/grids/locate").then()
                .statusCode(200).body("grid.code", equalTo("g1")).body("microGrid", nullValue());
        admin().queryParam("lon", LON + 1).queryParam("lat", LAT).get("/api/t/" + T + "/grids/locate").then()
                .statusCode(200).body("grid", nullValue()).body("community", nullValue());
        admin().queryParam("lon", 200).queryParam("lat", LAT).get("/api/t/" + T + "/grids/locate").then()
                .statusCode(400).body("errors[0].field", equalTo("lon"));
        admin().queryParam("lat", LAT).get("/api/t/" + T + "/grids/locate").then().statusCode(400);
    }

    @Test
    void importAddsAndUpdatesByCodeAndRejectsABadFileWhole() {
        Map<String, Object> ok = Map.of("type", "FeatureCollection", "features", List.of(
                TestTenants.feature("imp-g", "导入网格", "c2", null, TestTenants.square(LON - 0.05, LAT, 0.01), 200),
                TestTenants.feature("imp-m", "导入微网格", "c2", "imp-g", TestTenants.square(LON - 0.05, LAT, 0.003), 35)));
        admin().body(ok).post("/api/t/" + T + "/grids/import").then().statusCode(200)
                .body("changes", hasItems("+ grid imp-g", "+ grid imp-m"));
        admin().body(ok).post("/api/t/" + T + "/grids/import").then().statusCode(200).body("changes.size()", equalTo(0));
        Map<String, Object> renamed = Map.of("type", "FeatureCollection", "features", List.of(
                TestTenants.feature("imp-g", "改名导入网格", "c2", null, TestTenants.square(LON - 0.05, LAT, 0.01), 200)));
        admin().body(renamed).post("/api/t/" + T + "/grids/import").then().statusCode(200)
                .body("changes", equalTo(List.of("~ grid imp-g")));
        admin().queryParam("level", "grid").queryParam("size", 200).get("/api/t/" + T + "/grids").then().statusCode(200)
                .body("items.find { it.code == 'imp-g' }.name", equalTo("改名导入网格"));

        long before = Db.count("select count(*) from grid where tenant_id = '" + T + "'");
        Map<String, Object> bad = Map.of("type", "FeatureCollection", "features", List.of(
                TestTenants.feature("imp-new", "新网格", "c2", null, TestTenants.square(LON - 0.1, LAT, 0.01), 200),
                TestTenants.feature("imp-open", "未闭合", "c2", null, Map.of("type", "Polygon", "coordinates",
                        List.of(List.of(List.of(1.0, 1.0), List.of(2.0, 1.0), List.of(2.0, 2.0), List.of(1.0, 2.0)))), 10),
                TestTenants.feature("imp-bow", "自相交", "c2", null, Map.of("type", "Polygon", "coordinates",
                        List.of(List.of(List.of(0.0, 0.0), List.of(1.0, 1.0), List.of(1.0, 0.0), List.of(0.0, 1.0),
                                List.of(0.0, 0.0)))), 10),
                TestTenants.feature("imp-x", "无社区", "nope", null, TestTenants.square(LON - 0.2, LAT, 0.01), 10),
                TestTenants.feature("imp-y", "无上级", "c2", "ghost", TestTenants.square(LON - 0.3, LAT, 0.01), 10),
                Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates", List.of(1, 1)),
                        "properties", Map.of("code", "imp-pt", "name", "点", "community", "c2"))));
        admin().header("Accept-Language", "en").body(bad).post("/api/t/" + T + "/grids/import").then().statusCode(400)
                .body("errors.field", hasItems("features[1].geometry", "features[2].geometry",
                        "features[3].properties.community", "features[4].properties.parent", "features[5].geometry"));
        assertThat(Db.count("select count(*) from grid where tenant_id = '" + T + "'")).isEqualTo(before);

        admin().body(Map.of("type", "Polygon")).post("/api/t/" + T + "/grids/import").then().statusCode(400);
    }

    /** A polygon of {@code vertices} positions (closed) around a point: a circle drawn finely. */
    static Map<String, Object> circle(double lon, double lat, double radius, int vertices) {
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < vertices - 1; i++) {
            double a = 2 * Math.PI * i / (vertices - 1);
            ring.add(List.of(lon + radius * Math.cos(a), lat + radius * Math.sin(a)));
        }
        ring.add(ring.get(0));
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }

    private static byte[] collection(List<?> features) throws Exception {
        return JSON.writeValueAsBytes(Map.of("type", "FeatureCollection", "features", features));
    }

    private static long grids() {
        return Db.count("select count(*) from grid where tenant_id = '" + T + "'");
    }

    @Test
    void aLargeImportNearTheLimitsIsQuick() throws Exception {
        // a township of its own, so its 5,000 grids stay out of the other tests' lists
        String big = "grid-big";
        TestTenants.onboard(big, 100, 40);
        // the default limits: 5,000 features, 10 MB; each feature a finely drawn polygon
        List<Object> features = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            features.add(TestTenants.feature("big-" + i, "大网格" + i, "c1", null,
                    circle(100 + (i % 100) * 0.01, 40 + (i / 100) * 0.01, 0.004, 48), 100));
        }
        byte[] body = collection(features);
        assertThat(body.length).isBetween(6_000_000, 10 * 1024 * 1024);
        long started = System.nanoTime();
        admin(big).body(body).post("/api/t/" + big + "/grids/import").then().statusCode(200)
                .body("changes.size()", equalTo(5_000));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("GeoJSON import of 5000 features, %d bytes: %d ms%n", body.length, millis);
        // the write is one transaction (reading and checking come before it): well within its 60 s timeout even on
        // a busy test machine, where this whole request has taken about 35 s
        assertThat(millis).isLessThan(60_000);
        assertThat(Db.count("select count(*) from grid where tenant_id = '" + big + "'")).isEqualTo(5_002);

        // the same file again changes nothing and is as quick
        started = System.nanoTime();
        admin(big).body(body).post("/api/t/" + big + "/grids/import").then().statusCode(200).body("changes.size()", equalTo(0));
        System.out.printf("GeoJSON re-import, unchanged: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void importsPastTheLimitsAreRefusedBeforeAnythingIsWritten() throws Exception {
        long before = grids();
        // past the byte limit: refused by its declared length …
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        admin().body(huge).post("/api/t/" + T + "/grids/import").then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo("urn:fengxing:problem:payload-too-large"));
        // … and, sent without a length (chunked), while it is read
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/t/" + T + "/grids/import"))
                .header("Authorization", "Bearer " + Tokens.of(TestTenants.admin(T)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\""
                                + "蜂".repeat(4_000_000) + "\"}}]}")
                                .getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // more features than allowed: 400 naming the first one past the limit
        List<Object> many = new ArrayList<>();
        for (int i = 0; i <= 5_000; i++) {
            many.add(TestTenants.feature("many-" + i, "多" + i, "c1", null, TestTenants.square(110, 30, 0.001), 1));
        }
        admin().header("Accept-Language", "en").body(collection(many)).post("/api/t/" + T + "/grids/import").then()
                .statusCode(400).body("errors.field", hasItems("features[5000]"))
                .body("errors.message", hasItems("A FeatureCollection has at most 5,000 features."));

        // a polygon drawn with more vertices than allowed: 400 naming the feature
        admin().header("Accept-Language", "en").body(collection(List.of(
                        TestTenants.feature("fine-1", "细", "c1", null, TestTenants.square(111, 30, 0.001), 1),
                        TestTenants.feature("fine-2", "过细", "c1", null, circle(111.1, 30, 0.01, 10_001), 1))))
                .post("/api/t/" + T + "/grids/import").then().statusCode(400)
                .body("errors.field", equalTo(List.of("features[1].geometry")))
                .body("errors[0].message", equalTo("A geometry has at most 10,000 points, this one 10,001."));
        assertThat(grids()).isEqualTo(before);
    }

    @Test
    void aCrsOtherThanWgs84IsRefused() throws Exception {
        long before = grids();
        Map<String, Object> mercator = Map.of("type", "name", "properties", Map.of("name", "EPSG:3857"));
        Map<String, Object> feature = TestTenants.feature("crs-g", "墨卡托", "c1", null,
                TestTenants.square(112, 30, 0.001), 1);
        admin().header("Accept-Language", "en").body(Map.of("type", "FeatureCollection", "crs", mercator,
                        "features", List.of(feature))).post("/api/t/" + T + "/grids/import").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("crs")))
                .body("errors[0].message", equalTo("Coordinates must be in WGS84 (GeoJSON); EPSG:3857 is not supported."));
        Map<String, Object> geometry = new HashMap<>(TestTenants.square(112, 30, 0.001));
        geometry.put("crs", mercator);
        admin().body(Map.of("type", "FeatureCollection", "features", List.of(
                        TestTenants.feature("crs-g", "墨卡托", "c1", null, geometry, 1))))
                .post("/api/t/" + T + "/grids/import").then().statusCode(400)
                .body("errors.field", equalTo(List.of("features[0].geometry.crs")));
        admin().body(Map.of("code", "crs-g", "name", "墨卡托", "communityId", communityId("c1"), "type", "basic",
                "boundary", geometry)).post("/api/t/" + T + "/grids").then().statusCode(400)
                .body("errors.field", equalTo(List.of("boundary.crs")));
        assertThat(grids()).isEqualTo(before);

        // WGS84 by name is what GeoJSON means anyway
        admin().body(Map.of("type", "FeatureCollection", "features", List.of(feature), "crs", Map.of("type", "name",
                        "properties", Map.of("name", "urn:ogc:def:crs:OGC:1.3:CRS84"))))
                .post("/api/t/" + T + "/grids/import").then().statusCode(200).body("changes", equalTo(List.of("+ grid crs-g")));
    }

    @Test
    void gridWorkersAreHandlersOfTheTownshipAndTheirAssignmentIsAudited() {
        long g1 = admin().get("/api/t/" + T + "/grids").then().extract().jsonPath().getLong("items.find { it.code == 'g1' }.id");
        String handler = TestTenants.member(T, "handler");
        admin().body(Map.of("subjects", List.of(handler))).put("/api/t/" + T + "/grids/" + g1 + "/workers").then()
                .statusCode(200).body("subject", hasItems(handler)).body("[0].name", equalTo(T + " handler"));
        given().auth().oauth2(Tokens.of(handler)).get("/api/t/" + T + "/grids/" + g1 + "/workers").then()
                .statusCode(200).body("size()", equalTo(1));
        admin().body(Map.of("subjects", List.of(TestTenants.member(T, "rider"), "stranger"))).put("/api/t/" + T + "/grids/" + g1 + "/workers")
                .then().statusCode(400).body("errors.field", hasItems("subjects[0]", "subjects[1]"));
        admin().get("/api/t/" + T + "/grids/" + g1 + "/workers").then().statusCode(200).body("subject", hasItems(handler));
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + T + "' and action = 'grid.workers'"))
                .isGreaterThanOrEqualTo(1);
    }
}
