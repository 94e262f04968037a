package cn.fengxing.pairing;

import cn.fengxing.support.Db;
import cn.fengxing.support.Photos;
import cn.fengxing.support.Race;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static cn.fengxing.pairing.PairingFixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Look-ins 探访: a paired rider records them (JSON, or a form with a photo) for the township day they happened on,
 * within the pairing and the time bounds; a retried or twin request lands once; staff of the elder's community read
 * them; other riders, other communities and other townships see nothing.
 */
@QuarkusTest
class PairingVisitsTest {

    static final String A = "pv-a";
    static final String B = "pv-b";
    static final String LA = "pv-la";
    static final String RIDER = TestTenants.member(A, "rider");
    static final String OTHER = A + "-r2";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final LocalDate START = LocalDate.of(2026, 6, 1);

    @Inject
    MovableClock clock;

    long elder;
    long pairing;

    @BeforeEach
    void townships() {
        clock.reset();
        PairingFixtures.township(A, 102.0, 22.0, "Asia/Shanghai", List.of(OTHER));
        PairingFixtures.township(B, 103.0, 22.0, "Asia/Shanghai", List.of());
        PairingFixtures.township(LA, 104.0, 22.0, "America/Los_Angeles", List.of());
        PairingFixtures.clear(A, B, LA);
        elder = PairingFixtures.elder(A, "c1", "王", "秀兰");
        pairing = PairingFixtures.pairing(A, elder, RIDER, START);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Instant at(LocalDate day, String time, ZoneId zone) {
        return day.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }

    static String visits(String tenant, long pairing) {
        return "/api/t/" + tenant + "/pairing/mine/" + pairing + "/visits";
    }

    static Map<String, Object> visit(String outcome, Instant at, String requestId) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        body.put("visitedAt", at.toString());
        body.put("requestId", requestId);
        return body;
    }

    static RequestSpecification form(String subject, String outcome, String visitedAt, String requestId) {
        RequestSpecification r = given().auth().oauth2(Tokens.of(subject));
        if (outcome != null) {
            r.multiPart("outcome", outcome);
        }
        if (visitedAt != null) {
            r.multiPart("visitedAt", visitedAt);
        }
        if (requestId != null) {
            r.multiPart("requestId", requestId);
        }
        return r;
    }

    static long count(String tenant) {
        return Db.count("select count(*) from pairing_visit where tenant_id = '" + tenant + "'");
    }

    @Test
    void aRiderRecordsLookInsAsJsonOrWithAPhotoAndARetryLandsOnce() {
        Instant now = at(LocalDate.of(2026, 6, 10), "10:00", SHANGHAI);
        clock.set(now);
        int id = as(RIDER).body(visit("ok", now.minusSeconds(600), "visit-0001")).post(visits(A, pairing)).then()
                .statusCode(201).body("day", equalTo("2026-06-10")).body("outcome", equalTo("ok"))
                .body("alertRaised", equalTo(false)).body("photo", nullValue())
                .body("riderName", equalTo(A + " 骑手")).extract().path("id");
        // the retry (the app did not hear the answer): the same visit, nothing new
        as(RIDER).body(visit("ok", now.minusSeconds(600), "visit-0001")).post(visits(A, pairing)).then()
                .statusCode(200).body("id", equalTo(id));
        assertThat(count(A)).isEqualTo(1);

        Response withPhoto = form(RIDER, "garbage_not_out", now.toString(), "visit-0002")
                .multiPart("note", "门口垃圾没拿出来", "text/plain; charset=utf-8")
                .multiPart("photo", "door.jpg", Photos.jpegWithGps(1600, 1200, 116.3, 39.9), "image/jpeg")
                .post(visits(A, pairing));
        withPhoto.then().statusCode(201).body("note", equalTo("门口垃圾没拿出来")).body("photo", notNullValue());
        int photoVisit = withPhoto.path("id");
        String photo = withPhoto.path("photo");
        assertThat(photo).isEqualTo("/api/t/" + A + "/pairing/visits/" + photoVisit + "/photo");
        byte[] image = as(RIDER).get(photo).then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(Photos.metadata(image)).noneMatch(m -> m.toLowerCase().contains("gps"));
        as(RIDER).queryParam("size", "thumb").get(photo).then().statusCode(200);
        as(TestTenants.admin(A)).get(photo).then().statusCode(200);
        as(TestTenants.member(A, "handler")).get(photo).then().statusCode(200);
        as(OTHER).get(photo).then().statusCode(404);
        as(TestTenants.member(A, "dispatcher")).get(photo).then().statusCode(403);
        as(RIDER).get("/api/t/" + A + "/pairing/visits/" + id + "/photo").then().statusCode(404);
        // a form retry too
        form(RIDER, "garbage_not_out", now.toString(), "visit-0002").post(visits(A, pairing)).then()
                .statusCode(200).body("id", equalTo(photoVisit));
        assertThat(count(A)).isEqualTo(2);

        // the rider's own list, newest first
        as(RIDER).get(visits(A, pairing)).then().statusCode(200).body("total", equalTo(2))
                .body("items[0].id", equalTo(photoVisit)).body("items[1].id", equalTo(id));
    }

    @Test
    void twinRequestsInParallelRecordOneVisit() throws Exception {
        Instant now = at(LocalDate.of(2026, 6, 10), "10:00", SHANGHAI);
        clock.set(now);
        List<Callable<Response>> twins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twins.add(() -> as(RIDER).body(visit("no_answer", now, "twin-visit-1")).post(visits(A, pairing)));
        }
        List<Response> answers = Race.run(twins);
        assertThat(answers.stream().map(Response::statusCode).sorted().toList()).containsExactly(200, 200, 200, 201);
        assertThat(answers.stream().map(r -> (Integer) r.path("id")).distinct().toList()).hasSize(1);
        assertThat(count(A)).isEqualTo(1);
    }

    @Test
    void theVisitTimeMustBeNowOrAtMost72HoursBackAndWithinThePairing() {
        Instant now = at(LocalDate.of(2026, 6, 10), "10:00", SHANGHAI);
        clock.set(now);
        as(RIDER).body(visit("ok", now.plus(Duration.ofMinutes(3)), "ahead-0001")).post(visits(A, pairing)).then()
                .statusCode(400).body("errors.field", hasItem("visitedAt"));
        as(RIDER).body(visit("ok", now.minus(Duration.ofHours(73)), "behind-001")).post(visits(A, pairing)).then()
                .statusCode(400).body("errors.field", hasItem("visitedAt"));
        // a phone slightly ahead, and a visit queued offline for two days, both count
        as(RIDER).body(visit("ok", now.plus(Duration.ofMinutes(1)), "ahead-0002")).post(visits(A, pairing)).then()
                .statusCode(201).body("day", equalTo("2026-06-10"));
        as(RIDER).body(visit("ok", now.minus(Duration.ofHours(71)), "behind-002")).post(visits(A, pairing)).then()
                .statusCode(201).body("day", equalTo("2026-06-07"));
        // before the pairing started: not the rider's elder then
        clock.set(at(START, "09:00", SHANGHAI));
        as(RIDER).body(visit("ok", at(START.minusDays(1), "20:00", SHANGHAI), "before-01")).post(visits(A, pairing))
                .then().statusCode(409);
        // after it ended
        PairingFixtures.sql("update pairing set end_on = '2026-06-08' where id = " + pairing);
        clock.set(now);
        as(RIDER).body(visit("ok", now, "after-0001")).post(visits(A, pairing)).then().statusCode(409);
        assertThat(count(A)).isEqualTo(2);
    }

    @Test
    void malformedVisitsAreRefusedNamingTheField() {
        Instant now = at(LocalDate.of(2026, 6, 10), "10:00", SHANGHAI);
        clock.set(now);
        form(RIDER, "ok", "yesterday", "bad-time-1").post(visits(A, pairing)).then().statusCode(400)
                .body("errors.field", hasItem("visitedAt"));
        form(RIDER, "asleep", now.toString(), "bad-outcome").post(visits(A, pairing)).then().statusCode(400);
        form(RIDER, "ok", now.toString(), "short").post(visits(A, pairing)).then().statusCode(400);
        form(RIDER, "ok", now.toString(), null).post(visits(A, pairing)).then().statusCode(400);
        form(RIDER, "ok", now.toString(), "with-photo").multiPart("photo", "x.jpg", new byte[]{1, 2, 3}, "image/jpeg")
                .post(visits(A, pairing)).then().statusCode(400);
        Map<String, Object> nul = visit("ok", now, "nul-note-1");
        nul.put("note", "a\u0000b");
        as(RIDER).body(nul).post(visits(A, pairing)).then().statusCode(400);
        Map<String, Object> huge = visit("ok", now, "huge-note1");
        huge.put("note", "长".repeat(501));
        as(RIDER).body(huge).post(visits(A, pairing)).then().statusCode(400);
        as(RIDER).body(Map.of("outcome", "ok")).post(visits(A, pairing)).then().statusCode(400);
        as(RIDER).body("{").post(visits(A, pairing)).then().statusCode(400);
        assertThat(count(A)).isZero();
    }

    @Test
    void aVisitCountsForTheTownshipsDayInItsOwnTimeZone() {
        long laElder = PairingFixtures.elder(LA, "c1", "Li", "Mei");
        long laPairing = PairingFixtures.pairing(LA, laElder, TestTenants.member(LA, "rider"), START);
        String laRider = TestTenants.member(LA, "rider");
        LocalDate day = LocalDate.of(2026, 6, 10);
        clock.set(at(day.plusDays(1), "08:00", LOS_ANGELES));
        // 23:30 and 00:30 local are two days in Los Angeles, though the same UTC day (06:30 and 07:30 UTC)
        as(laRider).body(visit("ok", at(day, "23:30", LOS_ANGELES), "la-late-01")).post(visits(LA, laPairing))
                .then().statusCode(201).body("day", equalTo("2026-06-10"));
        as(laRider).body(visit("ok", at(day.plusDays(1), "00:30", LOS_ANGELES), "la-early-1"))
                .post(visits(LA, laPairing)).then().statusCode(201).body("day", equalTo("2026-06-11"));
        // the same instants in Shanghai both fall on the 11th (14:30 and 15:30)
        clock.set(at(day.plusDays(1), "08:00", LOS_ANGELES));
        as(RIDER).body(visit("ok", at(day, "23:30", LOS_ANGELES), "sh-late-01")).post(visits(A, pairing)).then()
                .statusCode(201).body("day", equalTo("2026-06-11"));
        as(RIDER).body(visit("ok", at(day.plusDays(1), "00:30", LOS_ANGELES), "sh-early-1"))
                .post(visits(A, pairing)).then().statusCode(201).body("day", equalTo("2026-06-11"));
    }

    @Test
    void staffOfTheCommunityReadAnEldersVisitsAndNobodyElse() {
        Instant now = at(LocalDate.of(2026, 6, 10), "10:00", SHANGHAI);
        clock.set(now);
        as(RIDER).body(visit("no_answer", now, "staff-read1")).post(visits(A, pairing)).then().statusCode(201);
        String elderVisits = "/api/t/" + A + "/pairing/elders/" + elder + "/visits";
        as(TestTenants.admin(A)).get(elderVisits).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].riderName", equalTo(A + " 骑手")).body("items[0].outcome", equalTo("no_answer"));
        // the handler works c1's grid: sees c1's elder, not c2's
        as(TestTenants.member(A, "handler")).get(elderVisits).then().statusCode(200).body("total", equalTo(1));
        long c2Elder = PairingFixtures.elder(A, "c2", "赵", "桂芳");
        as(TestTenants.member(A, "handler")).get("/api/t/" + A + "/pairing/elders/" + c2Elder + "/visits").then()
                .statusCode(404).body("type", notNullValue());
        as(TestTenants.admin(A)).get("/api/t/" + A + "/pairing/elders/" + c2Elder + "/visits").then()
                .statusCode(200).body("total", equalTo(0));
        for (String role : List.of("dispatcher", "rider", "station_keeper")) {
            as(TestTenants.member(A, role)).get(elderVisits).then().statusCode(403);
        }
        // another rider, another township: the pairing is not theirs
        as(OTHER).get(visits(A, pairing)).then().statusCode(404);
        as(OTHER).body(visit("ok", now, "not-mine-01")).post(visits(A, pairing)).then().statusCode(404);
        as(TestTenants.member(B, "rider")).get(visits(B, pairing)).then().statusCode(404);
        as(TestTenants.member(B, "rider")).body(visit("ok", now, "foreign-01")).post(visits(B, pairing)).then()
                .statusCode(404);
        as(TestTenants.admin(B)).get("/api/t/" + B + "/pairing/elders/" + elder + "/visits").then().statusCode(404);
        as(TestTenants.member(A, "rider")).get(visits(A, pairing)).then().statusCode(200).body("total", equalTo(1));
        assertThat(count(A)).isEqualTo(1);
        assertThat(count(B)).isZero();
    }
}
