package cn.fengxing.grid.service;

import cn.fengxing.grid.api.CommunityView;
import cn.fengxing.grid.api.GridInput;
import cn.fengxing.grid.api.GridView;
import cn.fengxing.grid.entity.Grid;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import cn.fengxing.tenancy.service.TenantWork;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory grid index answers as parsing every candidate's boundary on every call did, and follows every write
 * to the township's grids: the console's edits, deletes and imports, a manifest, another API instance's writes
 * straight to the database, and forgets what a rolled-back transaction wrote.
 */
@QuarkusTest
class GridIndexTest {

    static final String T = "grid-index";
    static final double LON = 118.0;
    static final double LAT = 26.0;
    /** A point of the edit scenarios, away from the onboarding's grid g1. */
    static final double P_LON = LON + 0.058;
    static final double P_LAT = LAT;

    @Inject
    GridIndex index;

    @Inject
    GridService grids;

    @Inject
    TenantWork tenantWork;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void township() {
        TestTenants.onboard(T, LON, LAT);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(T))).contentType(ContentType.JSON);
    }

    private static String locatedGrid(double lon, double lat) {
        return admin().queryParam("lon", lon).queryParam("lat", lat).get("/api/t/" + T + "/grids/locate").then()
                .statusCode(200).extract().jsonPath().getString("grid.code");
    }

    private static long communityId() {
        return admin().get("/api/t/" + T + "/communities").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.code == 'c1' }.id");
    }

    private static Map<String, Object> grid(String code, long community, double lon, double half) {
        return Map.of("code", code, "name", code, "communityId", community, "type", "basic",
                "boundary", TestTenants.square(lon, P_LAT, half));
    }

    private static long create(Map<String, Object> grid) {
        return admin().body(grid).post("/api/t/" + T + "/grids").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aPointFollowsItsGridThroughEveryKindOfWrite() throws Exception {
        long c1 = communityId();
        // A holds the point, B lies beside it
        long a = create(grid("edit-a", c1, LON + 0.05, 0.01));
        long b = create(grid("edit-b", c1, LON + 0.08, 0.01));
        assertThat(locatedGrid(P_LON, P_LAT)).isEqualTo("edit-a");

        // the console edits both: B now holds the point, A is moved away
        admin().body(grid("edit-b", c1, LON + 0.07, 0.015)).put("/api/t/" + T + "/grids/" + b).then().statusCode(200);
        admin().body(grid("edit-a", c1, LON + 0.04, 0.005)).put("/api/t/" + T + "/grids/" + a).then().statusCode(200);
        assertThat(locatedGrid(P_LON, P_LAT)).isEqualTo("edit-b");

        // a manifest puts A back and B beside it
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(T, LON, LAT));
        manifest.put("grids", Map.of("type", "FeatureCollection", "features", List.of(
                TestTenants.feature("edit-a", "edit-a", "c1", null, TestTenants.square(LON + 0.05, P_LAT, 0.01), 10),
                TestTenants.feature("edit-b", "edit-b", "c1", null, TestTenants.square(LON + 0.08, P_LAT, 0.01), 10))));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + T).then().statusCode(200);
        assertThat(locatedGrid(P_LON, P_LAT)).isEqualTo("edit-a");

        // the console's import moves B over the point; where both hold it, the grid added last wins
        admin().body(Map.of("type", "FeatureCollection", "features", List.of(TestTenants.feature("edit-b", "edit-b",
                        "c1", null, TestTenants.square(LON + 0.07, P_LAT, 0.015), 10))))
                .post("/api/t/" + T + "/grids/import").then().statusCode(200);
        assertThat(locatedGrid(P_LON, P_LAT)).isEqualTo("edit-b");

        // deleted, B no longer holds anything; A does again
        admin().delete("/api/t/" + T + "/grids/" + b).then().statusCode(204);
        assertThat(locatedGrid(P_LON, P_LAT)).isEqualTo("edit-a");

        // another API instance (or anyone) writes the database directly: A is moved away, nothing holds the point
        Db.strings("update grid set boundary = '" + json.writeValueAsString(TestTenants.square(LON + 0.03, P_LAT, 0.005))
                + "', min_lon = " + (LON + 0.025) + ", max_lon = " + (LON + 0.035) + " where id = " + a + " returning id");
        assertThat(locatedGrid(P_LON, P_LAT)).isNull();
        admin().delete("/api/t/" + T + "/grids/" + a).then().statusCode(204);
    }

    @Test
    void aRolledBackWriteLeavesTheIndexAsItWas() {
        long c1 = communityId();
        double lon = LON + 0.2;
        Map<String, Object> held = new HashMap<>(grid("rollback-a", c1, lon, 0.01));
        long a = create(held);
        held.put("boundary", TestTenants.square(lon + 0.05, P_LAT, 0.01));
        GridInput moved = json.convertValue(held, GridInput.class);

        GridIndex.Hit inside = tenantWork.inTenant(T, true, () -> {
            grids.updateGrid(a, moved);
            Grid.flush();
            // built from the uncommitted row, at a version the rollback takes back
            return index.locate(lon, P_LAT);
        });
        assertThat(inside.grid()).isNull();
        assertThat(tenantWork.inTenant(T, () -> index.locate(lon, P_LAT)).grid().id()).isEqualTo(a);
        admin().delete("/api/t/" + T + "/grids/" + a).then().statusCode(204);
    }

    @Test
    void answersAsParsingEveryCandidateDid() {
        GeneratedTownship town = new GeneratedTownship(7, LON + 0.1, LAT + 0.05, 8, 6, 0.003, 4);
        for (List<Map<String, Object>> features : List.of(town.gridFeatures(), town.microGridFeatures())) {
            admin().body(Map.of("type", "FeatureCollection", "features", features))
                    .post("/api/t/" + T + "/grids/import").then().statusCode(200);
        }
        List<double[]> points = new ArrayList<>(town.randomPoints(11, 2000));
        // points on edges and corners, shared by neighbours
        points.addAll(town.vertices());
        // the onboarding's grid, its micro-grid, the edge of both, and far outside the township
        points.addAll(List.of(new double[] {LON + 0.001, LAT + 0.001}, new double[] {LON + 0.008, LAT - 0.008},
                new double[] {LON + 0.004, LAT}, new double[] {LON + 0.01, LAT + 0.01}, new double[] {LON + 1, LAT}));
        PerCallLocate before = new PerCallLocate(json);
        int[] outcomes = tenantWork.inTenant(T, () -> {
            int[] counts = new int[3];
            for (double[] p : points) {
                PerCallLocate.Ids expected = before.locate(p[0], p[1]);
                assertThat(PerCallLocate.Ids.of(index.locate(p[0], p[1]))).as("lon %s lat %s", p[0], p[1])
                        .isEqualTo(expected);
                counts[expected.microGrid() != null ? 0 : expected.grid() != null ? 1 : 2]++;
            }
            return counts;
        });
        // micro-grids, grids' gaps between them and the outside all among them
        assertThat(IntStream.of(outcomes).min().orElseThrow()).isGreaterThan(50);

        // the whole answer, as the map and report filing read it: the rows as stored, the community's grid count
        var location = tenantWork.inTenant(T, () -> grids.locate(LON + 0.001, LAT + 0.001));
        assertThat(location.community().grids())
                .isEqualTo(Db.count("select count(*) from grid g join community c on c.id = g.community_id "
                        + "where c.tenant_id = '" + T + "' and c.code = 'c1'"));
        assertThat(location.community()).extracting(CommunityView::code).isEqualTo("c1");
        assertThat(location.grid()).extracting(GridView::code).isEqualTo("g1");
        assertThat(location.microGrid()).extracting(GridView::code).isEqualTo("g1-m1");
        assertThat(location.grid()).isEqualTo(tenantWork.inTenant(T, () -> GridView.of(Grid.<Grid>find("code", "g1")
                .firstResult())));
    }
}
