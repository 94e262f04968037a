package cn.fengxing.report;

import cn.fengxing.support.Db;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static cn.fengxing.support.Reports.as;
import static cn.fengxing.support.Reports.submission;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** A report at a point outside every grid of the township (its boundary): the rider confirms the place first. */
@QuarkusTest
class OutsideTownshipTest {

    static final String T = "rp-out";
    static final double LON = 112.5;
    static final double LAT = 28.5;
    /** Tian'anmen, far from every grid of the test township. */
    static final double BEIJING_LON = 116.4;
    static final double BEIJING_LAT = 39.9;
    static final String RIDER = TestTenants.member(T, "rider");
    static final String DISPATCHER = TestTenants.member(T, "dispatcher");

    @BeforeEach
    void township() {
        TestTenants.onboard(T, LON, LAT);
    }

    private static long reports() {
        return Db.count("select count(*) from report where tenant_id = '" + T + "'");
    }

    @Test
    void aPointOutsideEveryGridIsRefusedUntilTheRiderConfirmsItThenFlagged() {
        String key = UUID.randomUUID().toString();
        long before = reports();
        submission(RIDER, key, "road-damage", BEIJING_LON, BEIJING_LAT).header("Accept-Language", "en")
                .post("/api/t/" + T + "/reports").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:fengxing:problem:outside-township"))
                .body("title", equalTo("Outside the township"))
                .body("detail", startsWith("This place is outside the township"));
        submission(RIDER, key, "road-damage", BEIJING_LON, BEIJING_LAT)
                .post("/api/t/" + T + "/reports").then().statusCode(422)
                .body("detail", startsWith("该位置不在本乡镇/街道辖区内"));
        assertThat(reports()).isEqualTo(before);

        // confirmed (the same submission, so the same key): filed, outside every grid, and marked so
        long id = submission(RIDER, key, "road-damage", BEIJING_LON, BEIJING_LAT).multiPart("outsideConfirmed", "true")
                .post("/api/t/" + T + "/reports").then().statusCode(201)
                .body("outsideTownship", equalTo(true)).body("community", nullValue()).body("grid", nullValue())
                .extract().jsonPath().getLong("id");
        assertThat(Db.strings("select outside_township::text from report where id = " + id)).containsExactly("true");
        as(DISPATCHER).get("/api/t/" + T + "/dispatch/queue").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.outsideTownship", equalTo(true));
        as(DISPATCHER).get("/api/t/" + T + "/reports/" + id).then().statusCode(200).body("outsideTownship", equalTo(true));
    }

    @Test
    void aPointInsideAGridIsFiledAsBeforeEvenWithTheFlag() {
        long id = Reports.file(T, "road-damage", LON + 0.001, LAT + 0.001);
        as(RIDER).get("/api/t/" + T + "/reports/" + id).then().statusCode(200)
                .body("outsideTownship", equalTo(false)).body("grid.code", equalTo("g1"));
        submission(RIDER, UUID.randomUUID().toString(), "road-damage", LON, LAT).multiPart("outsideConfirmed", "true")
                .post("/api/t/" + T + "/reports").then().statusCode(201).body("outsideTownship", equalTo(false));
        as(DISPATCHER).get("/api/t/" + T + "/dispatch/queue").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.outsideTownship", equalTo(false));
    }

    @Test
    void aTownshipWithoutGridsHasNoKnownBoundaryAndAcceptsEveryPoint() {
        String bare = "rp-out-bare";
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(bare, LON, LAT));
        manifest.remove("grids");
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + bare).then().statusCode(200);
        assertThat(Db.count("select count(*) from grid where tenant_id = '" + bare + "'")).isZero();
        long id = Reports.file(bare, "road-damage", BEIJING_LON, BEIJING_LAT);
        assertThat(Db.strings("select outside_township::text from report where id = " + id)).containsExactly("false");
    }
}
