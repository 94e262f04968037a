package cn.fengxing.report;

import cn.fengxing.support.Photos;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The rider's side of snap-and-report: My reports 我的上报 lists what a rider filed and what they joined with
 * "me too"; a photo the phone already made small is stored as it came.
 */
@QuarkusTest
class RiderReportingTest {

    static final String T = "rp-mine";
    static final double LON = 114.5;
    static final double LAT = 26.5;

    static final String RIDER = TestTenants.member(T, "rider");
    static final String NEIGHBOUR = "rp-mine-neighbour";
    static final String STRANGER = "rp-mine-stranger";

    @BeforeEach
    void township() {
        TestTenants.onboard(T, LON, LAT);
        activeRider(NEIGHBOUR, "邻居骑手", "13700000101");
        activeRider(STRANGER, "路过骑手", "13700000102");
    }

    /** Registers the person as a rider and has the admin approve them (once). */
    static void activeRider(String subject, String name, String phone) {
        JsonPath rider = given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "phone", phone, "platform", "meituan"))
                .post("/api/t/" + T + "/riders/registration").then().extract().jsonPath();
        if ("pending".equals(rider.getString("status"))) {
            given().auth().oauth2(Tokens.of(TestTenants.admin(T)))
                    .post("/api/t/" + T + "/riders/" + rider.getLong("id") + "/approve").then().statusCode(200);
        }
    }

    static long file(String subject) {
        return Reports.submission(subject, UUID.randomUUID().toString(), "garbage", LON, LAT)
                .post("/api/t/" + T + "/reports").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aPhotoThePhoneMadeSmallIsNotEnlarged() {
        Reports.as(RIDER).header("Idempotency-Key", UUID.randomUUID().toString())
                .multiPart("category", "street-light")
                .multiPart("description", "路灯不亮")
                .multiPart("lon", String.valueOf(LON))
                .multiPart("lat", String.valueOf(LAT))
                .multiPart("photos", "small.jpg", Photos.jpegWithGps(1600, 1200, LON, LAT), "image/jpeg")
                .multiPart("photos", "tiny.png", Photos.png(320, 240), "image/png")
                .post("/api/t/" + T + "/reports").then().statusCode(201)
                .body("photos.width", contains(1600, 320))
                .body("photos.height", contains(1200, 240));
    }

    static List<Integer> mine(String subject) {
        return Reports.as(subject).queryParam("size", 200).get("/api/t/" + T + "/reports/mine")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void aRiderWhoSaysMeTooFollowsTheReportInMyReports() {
        long id = file(RIDER);
        String base = "/api/t/" + T + "/reports/" + id;
        Reports.as(NEIGHBOUR).get(base).then().statusCode(404);
        assertThat(mine(NEIGHBOUR)).doesNotContain((int) id);

        Reports.as(NEIGHBOUR).post(base + "/me-too").then().statusCode(200)
                .body("supporters", equalTo(1)).body("mine", equalTo(false));
        Reports.as(NEIGHBOUR).queryParam("size", 200).get("/api/t/" + T + "/reports/mine")
                .then().statusCode(200).body("items.id", hasItem((int) id));
        // joined: the neighbour sees the report and its photos, but only its reporter may verify it
        JsonPath seen = Reports.as(NEIGHBOUR).get(base).then().statusCode(200).extract().jsonPath();
        Reports.as(NEIGHBOUR).get(base + "/photos/" + seen.getLong("photos[0].id")).then().statusCode(200);
        Reports.as(NEIGHBOUR).multiPart("fixed", "true").post(base + "/verification").then().statusCode(403);
        // saying it twice changes nothing and lists it once
        Reports.as(NEIGHBOUR).post(base + "/me-too").then().statusCode(200).body("supporters", equalTo(1));
        assertThat(mine(NEIGHBOUR)).containsOnlyOnce((int) id);

        // the reporter's list is unchanged, and a rider who joined nothing sees neither the report nor it listed
        assertThat(mine(RIDER)).containsOnlyOnce((int) id);
        Reports.as(STRANGER).queryParam("size", 200).get("/api/t/" + T + "/reports/mine")
                .then().statusCode(200).body("items.id", not(hasItem((int) id)));
        Reports.as(STRANGER).get(base).then().statusCode(404);
    }
}
