package cn.fengxing.grid;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @BeforeEach
    void township() {
        TestTenants.onboard(T, LON, LAT);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(T))).contentType(ContentType.JSON);
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
