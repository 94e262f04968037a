package cn.fengxing.event;

import cn.fengxing.region.ComparisonJson;
import cn.fengxing.region.service.TownshipFigureRefresher;
import cn.fengxing.support.Db;
import cn.fengxing.support.Race;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import cn.fengxing.tenancy.service.TenantKeys;
import cn.fengxing.tenancy.service.TenantWork;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Events 活动: riders racing for the seats and the waitlist moving up, check-ins once per rider within the window by
 * either scan, the points they earn through the ledger under the rules' caps, the event's code refused when stale,
 * forged or of another kind, the station's keeper at the door, townships kept apart, and the regional figures.
 */
@QuarkusTest
class EventsApiTest {

    static final String A = "ev-a";
    static final String B = "ev-b";
    static final double LON = 121.0;
    static final double LAT = 25.0;
    static final int RACERS = 30;
    static final String KEEPER = TestTenants.member(A, "station_keeper");
    static final String RIDER = TestTenants.member(A, "rider");
    static final List<String> RIDERS = IntStream.range(0, RACERS).mapToObj(i -> A + "-racer-" + i).toList();

    @Inject
    TenantKeys keys;

    @Inject
    TenantWork work;

    @Inject
    TownshipFigureRefresher refresher;

    @BeforeEach
    void townships() {
        TestTenants.onboardWithRiders(A, LON, LAT, RIDERS);
        TestTenants.onboard(B, LON + 1, LAT);
        try (var c = Db.superuser(); var st = c.createStatement()) {
            for (String table : List.of("event_attendance", "event_signup", "event", "points_entry", "points_claim",
                    "points_account", "points_rule", "station_visit", "station")) {
                st.execute("delete from " + table + " where tenant_id in ('" + A + "', '" + B + "')");
            }
            st.execute("update rider set status = 'active' where tenant_id = '" + A + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin(String tenant) {
        return as(TestTenants.admin(tenant));
    }

    static String at(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Map<String, Object> event(String kind, OffsetDateTime starts, OffsetDateTime ends, Integer capacity) {
        Map<String, Object> e = new HashMap<>(Map.of("kind", kind, "title", "骑手安全培训", "startsAt", at(starts),
                "endsAt", at(ends), "address", "城关镇文化站二楼"));
        e.put("capacity", capacity);
        return e;
    }

    static long create(String tenant, Map<String, Object> body) {
        return admin(tenant).body(body).post("/api/t/" + tenant + "/events").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** An event whose check-in window is open now (it starts in ten minutes). */
    static long openEvent(String kind, Long station) {
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Object> body = event(kind, now.plusMinutes(10), now.plusHours(2), null);
        if (station != null) {
            body.remove("address");
            body.put("stationId", station);
        }
        return create(A, body);
    }

    static long station(String code, String keeper) {
        Map<String, Object> station = new HashMap<>(Map.of("code", code, "name", "爱心驿站 " + code, "kind",
                "workers_home", "lon", LON, "lat", LAT, "hours", Map.of("open24h", true)));
        if (keeper != null) {
            station.put("keeper", keeper);
        }
        return admin(A).body(station).post("/api/t/" + A + "/stations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static void rule(String action, int points, Integer daily, boolean approval) {
        Map<String, Object> rule = new HashMap<>(Map.of("action", action, "points", points, "needsApproval", approval));
        rule.put("dailyCap", daily);
        admin(A).body(rule).put("/api/t/" + A + "/points/rules").then().statusCode(200);
    }

    static long riderId(String subject) {
        return Long.parseLong(Db.strings("select id from rider where tenant_id = '" + A + "' and subject = '"
                + subject + "'").get(0));
    }

    static String riderCode(String subject) {
        return as(subject).get("/api/t/" + A + "/rider/code").then().statusCode(200).extract().path("code");
    }

    static Response signUp(String subject, long event) {
        return as(subject).post("/api/t/" + A + "/events/" + event + "/signup");
    }

    static Response scan(String organiser, long event, String riderCode) {
        return as(organiser).body(Map.of("riderCode", riderCode)).post("/api/t/" + A + "/events/" + event
                + "/attendance");
    }

    static Response checkIn(String subject, String code) {
        return as(subject).body(Map.of("code", code)).post("/api/t/" + A + "/events/check-in");
    }

    static String checkInCode(String organiser, String tenant, long event) {
        return as(organiser).get("/api/t/" + tenant + "/events/" + event + "/check-in-code").then().statusCode(200)
                .body("refreshSeconds", equalTo(60)).extract().path("code");
    }

    static JsonPath mine(String subject, long event) {
        return as(subject).get("/api/t/" + A + "/events/" + event).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void thirtyRidersRaceForFiveSeatsAndTheWaitlistMovesUpInOrder() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        long id = create(A, event("training", now.plusDays(2), now.plusDays(2).plusHours(3), 5));
        List<Integer> statuses = Race.run(RIDERS.stream().map(s -> (Callable<Integer>) () -> signUp(s, id)
                .statusCode()).toList());
        assertThat(statuses).containsOnly(201);
        admin(A).get("/api/t/" + A + "/events/" + id).then().statusCode(200).body("signedUp", equalTo(5))
                .body("waitlisted", equalTo(25)).body("seatsLeft", equalTo(0)).body("mine", nullValue());
        // the waitlist is the order riders came in, numbered 1…25
        List<Map<String, Object>> rows = admin(A).get("/api/t/" + A + "/events/" + id + "/signups").then()
                .statusCode(200).body("$", hasSize(RACERS)).extract().jsonPath().getList("$");
        assertThat(rows.subList(0, 5)).allMatch(r -> "signed_up".equals(r.get("status")));
        assertThat(rows.subList(5, 30).stream().map(r -> r.get("waitlistPosition")).toList())
                .isEqualTo(IntStream.rangeClosed(1, 25).boxed().toList());
        List<String> queue = Db.strings("select r.subject from event_signup s join rider r on r.id = s.rider_id "
                + "where s.event_id = " + id + " and s.status = 'waitlisted' order by s.queued_at, s.id");
        assertThat(rows.subList(5, 30).stream().map(r -> r.get("riderId")).toList()).isEqualTo(
                queue.stream().map(s -> (int) riderId(s)).toList());
        assertThat(rows.get(0).get("phone").toString()).matches("139\\*{4}\\d{4}");
        String first = queue.get(0);
        String second = queue.get(1);
        assertThat(mine(second, id).getInt("mine.waitlistPosition")).isEqualTo(2);

        // a seated rider withdraws: the first waitlisted moves up, the rest one place nearer
        String seated = Db.strings("select r.subject from event_signup s join rider r on r.id = s.rider_id "
                + "where s.event_id = " + id + " and s.status = 'signed_up' limit 1").get(0);
        as(seated).delete("/api/t/" + A + "/events/" + id + "/signup").then().statusCode(200)
                .body("mine.status", equalTo("cancelled")).body("signedUp", equalTo(5));
        assertThat(mine(first, id).getString("mine.status")).isEqualTo("signed_up");
        assertThat(mine(second, id).getInt("mine.waitlistPosition")).isEqualTo(1);
        as(seated).delete("/api/t/" + A + "/events/" + id + "/signup").then().statusCode(404);
        // signing up again is a retry for those in, and the end of the queue for one who withdrew
        signUp(first, id).then().statusCode(200).body("mine.status", equalTo("signed_up"));
        signUp(seated, id).then().statusCode(201).body("mine.status", equalTo("waitlisted"))
                .body("mine.waitlistPosition", equalTo(25));

        // fewer seats than riders in: refused; more seats: the next in the queue move up
        Map<String, Object> edit = event("training", now.plusDays(2), now.plusDays(2).plusHours(3), 4);
        admin(A).body(edit).put("/api/t/" + A + "/events/" + id).then().statusCode(409)
                .body("detail", containsString("5 名骑手"));
        edit.put("capacity", 7);
        admin(A).body(edit).put("/api/t/" + A + "/events/" + id).then().statusCode(200)
                .body("signedUp", equalTo(7)).body("waitlisted", equalTo(23)).body("seatsLeft", equalTo(0));
        assertThat(mine(second, id).getString("mine.status")).isEqualTo("signed_up");
        assertThat(mine(queue.get(2), id).getString("mine.status")).isEqualTo("signed_up");
        assertThat(mine(queue.get(3), id).getInt("mine.waitlistPosition")).isEqualTo(1);
        // no limit: everyone waiting moves up
        edit.put("capacity", null);
        admin(A).body(edit).put("/api/t/" + A + "/events/" + id).then().statusCode(200)
                .body("signedUp", equalTo(30)).body("waitlisted", equalTo(0)).body("seatsLeft", nullValue());
        as(first).get("/api/t/" + A + "/events/mine").then().statusCode(200).body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.mine.status", equalTo("signed_up"));
    }

    @Test
    void aRiderSigningUpTwiceAtOnceHoldsOneSeat() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        long id = create(A, event("meeting", now.plusDays(1), now.plusDays(1).plusHours(1), 1));
        List<Integer> statuses = Race.run(IntStream.range(0, 10).mapToObj(i -> (Callable<Integer>) () ->
                signUp(RIDER, id).statusCode()).toList());
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(statuses).containsOnly(201, 200);
        assertThat(Db.count("select count(*) from event_signup where event_id = " + id)).isEqualTo(1);
        signUp(RIDERS.get(0), id).then().statusCode(201).body("mine.status", equalTo("waitlisted"))
                .body("mine.waitlistPosition", equalTo(1)).body("signedUp", equalTo(1));
    }

    @Test
    void signUpClosesAtItsTimeAndNotForCancelledOrEndedEvents() {
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Object> closed = event("forum", now.plusDays(1), now.plusDays(1).plusHours(2), null);
        closed.put("signUpUntil", at(now.minusMinutes(1)));
        long shut = create(A, closed);
        signUp(RIDER, shut).then().statusCode(409).body("detail", containsString("截止报名"));
        long ended = create(A, event("meeting", now.minusHours(3), now.minusHours(1), null));
        signUp(RIDER, ended).then().statusCode(409).body("detail", containsString("已结束"));

        long running = create(A, Map.of("kind", "volunteering", "title", "清扫河道", "startsAt",
                at(now.minusMinutes(5)), "endsAt", at(now.plusHours(2)), "signUpUntil", at(now.plusHours(1)),
                "address", "河滨公园"));
        signUp(RIDER, running).then().statusCode(201).body("mine.status", equalTo("signed_up"));
        as(RIDER).delete("/api/t/" + A + "/events/" + running + "/signup").then().statusCode(409)
                .body("detail", containsString("已开始"));

        long later = create(A, event("training", now.plusDays(3), now.plusDays(3).plusHours(2), 10));
        signUp(RIDER, later).then().statusCode(201);
        admin(A).body(Map.of("reason", "台风预警，改期另行通知")).post("/api/t/" + A + "/events/" + later + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled"))
                .body("cancelReason", equalTo("台风预警，改期另行通知"));
        // cancelling again changes nothing; the sign-up is kept and the rider sees the event cancelled
        admin(A).body(Map.of("reason", "另一个原因")).post("/api/t/" + A + "/events/" + later + "/cancel")
                .then().statusCode(200).body("cancelReason", equalTo("台风预警，改期另行通知"));
        signUp(RIDERS.get(0), later).then().statusCode(409).body("detail", containsString("已取消"));
        as(RIDER).get("/api/t/" + A + "/events/mine").then().statusCode(200)
                .body("find { it.id == " + later + " }.status", equalTo("cancelled"))
                .body("find { it.id == " + later + " }.mine.status", equalTo("signed_up"));
        as(RIDER).get("/api/t/" + A + "/events/upcoming").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem((int) later)))
                .body("id", hasItems((int) shut, (int) running));
        admin(A).body(event("training", now.plusDays(3), now.plusDays(3).plusHours(2), 10))
                .put("/api/t/" + A + "/events/" + later).then().statusCode(409);
    }

    @Test
    void aRiderChecksInOnceAndEarnsTheRulesPointsOnce() throws Exception {
        rule("training", 10, 15, false);
        long place = station("door", KEEPER);
        long first = openEvent("training", place);
        long rider = riderId(RIDER);
        signUp(RIDER, first).then().statusCode(201);
        String code = riderCode(RIDER);
        // two scans of the rider arriving together: one check-in, one ledger entry
        List<Integer> statuses = Race.run(List.<Callable<Integer>>of(() -> scan(KEEPER, first, code).statusCode(),
                () -> scan(KEEPER, first, code).statusCode()));
        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        assertThat(Db.count("select count(*) from event_attendance where event_id = " + first)).isEqualTo(1);
        assertThat(Db.strings("select points || ' ' || source from points_entry where tenant_id = '" + A + "'"))
                .containsExactly("10 event:" + first + ":" + rider);
        // the rider scanning the event's code afterwards: the first check-in
        checkIn(RIDER, checkInCode(KEEPER, A, first)).then().statusCode(200).body("created", equalTo(false))
                .body("method", equalTo("organiser_scan")).body("points", equalTo(10))
                .body("rider.phone", equalTo("138****0001")).body("event.kind", equalTo("training"));
        JsonPath mine = mine(RIDER, first);
        assertThat(mine.getInt("mine.pointsEarned")).isEqualTo(10);
        assertThat(mine.getString("mine.attendedAt")).isNotNull();
        assertThat(mine.getInt("attended")).isEqualTo(1);
        assertThat(mine.getInt("points")).isEqualTo(10);
        assertThat(mine.getString("pointsAction")).isEqualTo("training");

        // a walk-in at a second training by the event's code: what the day's cap (15) leaves, 5
        long second = openEvent("training", null);
        checkIn(RIDER, checkInCode(TestTenants.admin(A), A, second)).then().statusCode(201)
                .body("created", equalTo(true)).body("method", equalTo("rider_scan")).body("points", equalTo(5))
                .body("pointsPending", equalTo(false));
        admin(A).get("/api/t/" + A + "/events/" + second + "/signups").then().statusCode(200)
                .body("[0].status", nullValue()).body("[0].method", equalTo("rider_scan"))
                .body("[0].attendedAt", notNullValue());
        // a third: the cap is reached, checked in with no points
        long third = openEvent("training", null);
        checkIn(RIDER, checkInCode(TestTenants.admin(A), A, third)).then().statusCode(201).body("points", equalTo(0));
        // a health check earns nothing
        long clinic = openEvent("health_check", null);
        admin(A).get("/api/t/" + A + "/events/" + clinic).then().body("pointsAction", nullValue())
                .body("points", nullValue());
        scan(TestTenants.admin(A), clinic, code).then().statusCode(201).body("points", equalTo(0));
        assertThat(Db.count("select count(*) from points_entry where tenant_id = '" + A + "'")).isEqualTo(2);
        assertThat(Db.count("select balance from points_account where rider_id = " + rider)).isEqualTo(15);
        as(RIDER).get("/api/t/" + A + "/events/mine").then().statusCode(200)
                .body("id", hasItems((int) first, (int) second, (int) third, (int) clinic));
    }

    @Test
    void aRuleThatNeedsApprovalQueuesAClaim() {
        rule("meeting", 8, null, true);
        long forum = openEvent("forum", null);
        scan(TestTenants.admin(A), forum, riderCode(RIDER)).then().statusCode(201).body("points", equalTo(0))
                .body("pointsPending", equalTo(true));
        assertThat(Db.strings("select action || ' ' || points || ' ' || source from points_claim where tenant_id = '"
                + A + "'")).containsExactly("meeting 8 event:" + forum + ":" + riderId(RIDER));
        assertThat(Db.count("select count(*) from points_entry where tenant_id = '" + A + "'")).isZero();
    }

    @Test
    void checkInIsRefusedOutsideTheWindowAndForCancelledEvents() {
        String admin = TestTenants.admin(A);
        OffsetDateTime now = OffsetDateTime.now();
        String code = riderCode(RIDER);
        long early = create(A, event("training", now.plusMinutes(45), now.plusHours(2), null));
        scan(admin, early, code).then().statusCode(409).body("detail", containsString("签到时间"));
        as(admin).get("/api/t/" + A + "/events/" + early + "/check-in-code").then().statusCode(409);
        long over = create(A, event("training", now.minusHours(3), now.minusMinutes(1), null));
        scan(admin, over, code).then().statusCode(409);
        long cancelled = openEvent("meeting", null);
        String eventCode = checkInCode(admin, A, cancelled);
        admin(A).body(Map.of("reason", "场地停电")).post("/api/t/" + A + "/events/" + cancelled + "/cancel").then()
                .statusCode(200);
        scan(admin, cancelled, code).then().statusCode(409).body("detail", containsString("已取消"));
        checkIn(RIDER, eventCode).then().statusCode(409);
        as(admin).get("/api/t/" + A + "/events/" + cancelled + "/check-in-code").then().statusCode(409);
        assertThat(Db.count("select count(*) from event_attendance where tenant_id = '" + A + "'")).isZero();

        // an inactive rider is not checked in
        long open = openEvent("meeting", null);
        Db.strings("update rider set status = 'suspended' where tenant_id = '" + A + "' and subject = '" + RIDER
                + "' returning id");
        scan(admin, open, code).then().statusCode(403);
        assertThat(Db.count("select count(*) from event_attendance where tenant_id = '" + A + "'")).isZero();
    }

    @Test
    void anExpiredForgedOrOtherCodeIsRefused() {
        long open = openEvent("training", null);
        // signed by this township but expired: refused
        String expired = work.inTenant(A, () -> {
            JwtClaims claims = new JwtClaims();
            claims.setSubject(String.valueOf(open));
            claims.setClaim("typ", "event");
            long now = System.currentTimeMillis() / 1000;
            claims.setIssuedAt(NumericDate.fromSeconds(now - 400));
            claims.setExpirationTime(NumericDate.fromSeconds(now - 200));
            return keys.sign(A, claims);
        });
        checkIn(RIDER, expired).then().statusCode(400).body("detail", containsString("签到码无效"));
        // another township's event code, signed with its key
        OffsetDateTime now = OffsetDateTime.now();
        long theirs = create(B, event("training", now.plusMinutes(5), now.plusHours(1), null));
        String foreign = checkInCode(TestTenants.admin(B), B, theirs);
        checkIn(RIDER, foreign).then().statusCode(400);
        // a code signed with another township's key that names this township's event
        String forged = work.inTenant(B, () -> {
            JwtClaims claims = new JwtClaims();
            claims.setSubject(String.valueOf(open));
            claims.setClaim("typ", "event");
            claims.setExpirationTimeMinutesInTheFuture(2);
            return keys.sign(B, claims);
        });
        checkIn(RIDER, forged).then().statusCode(400);
        // this township's code of another kind: a rider's personal code
        checkIn(RIDER, riderCode(RIDERS.get(0))).then().statusCode(400);
        checkIn(RIDER, "not-a-code").then().statusCode(400);
        checkIn(RIDER, "\u0000").then().statusCode(400);
        // an organiser scanning an event code as if it were a rider's
        scan(TestTenants.admin(A), open, checkInCode(TestTenants.admin(A), A, open)).then().statusCode(400);
        assertThat(Db.count("select count(*) from event_attendance where tenant_id = '" + A + "'")).isZero();
        checkIn(RIDER, checkInCode(TestTenants.admin(A), A, open)).then().statusCode(201);
    }

    @Test
    void onlyTheStationsKeeperActsAtItsDoor() {
        long mine = station("kept", KEEPER);
        long other = station("other", null);
        long here = openEvent("meeting", mine);
        long there = openEvent("meeting", other);
        long nowhere = openEvent("meeting", null);
        as(KEEPER).get("/api/t/" + A + "/events/" + here + "/signups").then().statusCode(200);
        as(KEEPER).get("/api/t/" + A + "/events/" + here + "/check-in-code").then().statusCode(200);
        for (long id : List.of(there, nowhere)) {
            as(KEEPER).get("/api/t/" + A + "/events/" + id + "/signups").then().statusCode(403);
            as(KEEPER).get("/api/t/" + A + "/events/" + id + "/check-in-code").then().statusCode(403);
            scan(KEEPER, id, riderCode(RIDER)).then().statusCode(403);
        }
        as(TestTenants.member(A, "dispatcher")).get("/api/t/" + A + "/events/" + there + "/signups").then()
                .statusCode(200);
        admin(A).get("/api/t/" + A + "/events/" + here).then().body("station.name", equalTo("爱心驿站 kept"))
                .body("station.id", equalTo((int) mine)).body("address", nullValue());
        scan(KEEPER, here, riderCode(RIDER)).then().statusCode(201);
    }

    @Test
    void anotherTownshipsEventIsNotFound() {
        long id = openEvent("training", null);
        admin(B).get("/api/t/" + B + "/events/" + id).then().statusCode(404);
        admin(B).body(event("training", OffsetDateTime.now().plusDays(1), OffsetDateTime.now().plusDays(1)
                .plusHours(1), null)).put("/api/t/" + B + "/events/" + id).then().statusCode(404);
        admin(B).body(Map.of("reason", "x")).post("/api/t/" + B + "/events/" + id + "/cancel").then().statusCode(404);
        admin(B).get("/api/t/" + B + "/events/" + id + "/signups").then().statusCode(404);
        as(TestTenants.member(B, "rider")).post("/api/t/" + B + "/events/" + id + "/signup").then().statusCode(404);
        admin(B).get("/api/t/" + B + "/events").then().statusCode(200).body("total", equalTo(0));
        admin(A).get("/api/t/" + A + "/events").then().statusCode(200).body("total", equalTo(1));
        // an A event's code scanned in township B is not valid there
        String code = checkInCode(TestTenants.admin(A), A, id);
        as(TestTenants.member(B, "rider")).body(Map.of("code", code)).post("/api/t/" + B + "/events/check-in")
                .then().statusCode(400);
    }

    @Test
    void aWrongEventIsRefusedFieldByField() {
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Object> backwards = event("training", now.plusDays(1), now.plusDays(1).minusHours(1), null);
        backwards.remove("address");
        backwards.put("lat", 25.0);
        backwards.put("signUpUntil", at(now.plusDays(2)));
        admin(A).body(backwards).post("/api/t/" + A + "/events").then().statusCode(400)
                .body("errors.field", hasItems("endsAt", "address", "lon", "signUpUntil"));
        admin(A).body(event("training", now.plusDays(1), now.plusDays(9), null)).post("/api/t/" + A + "/events")
                .then().statusCode(400).body("errors.field", hasItem("endsAt"))
                .body("errors[0].message", containsString("7 天"));
        Map<String, Object> unknownStation = event("training", now.plusDays(1), now.plusDays(1).plusHours(1), null);
        unknownStation.put("stationId", 999_999_999L);
        admin(A).body(unknownStation).post("/api/t/" + A + "/events").then().statusCode(400)
                .body("errors.field", hasItem("stationId"));
        Map<String, Object> bad = event("party", now.plusDays(1), now.plusDays(1).plusHours(1), 0);
        admin(A).body(bad).post("/api/t/" + A + "/events").then().statusCode(400);
        Map<String, Object> nul = event("training", now.plusDays(1), now.plusDays(1).plusHours(1), null);
        nul.put("title", "培训\u0000");
        admin(A).body(nul).post("/api/t/" + A + "/events").then().statusCode(400);
        nul.put("title", "培".repeat(101));
        admin(A).body(nul).post("/api/t/" + A + "/events").then().statusCode(400);
        admin(A).body(Map.of("reason", "")).post("/api/t/" + A + "/events/1/cancel").then().statusCode(400);
        admin(A).queryParam("from", "2026-02-30").get("/api/t/" + A + "/events").then().statusCode(400);
        admin(A).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get("/api/t/" + A + "/events")
                .then().statusCode(400);
        admin(A).queryParam("kind", "party").get("/api/t/" + A + "/events").then().statusCode(400);
        assertThat(Db.count("select count(*) from event where tenant_id = '" + A + "'")).isZero();
    }

    @Test
    void theListFiltersByDayKindAndStatus() {
        OffsetDateTime base = OffsetDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        long march = create(A, event("training", base, base.plusHours(2), null));
        long april = create(A, event("meeting", base.plusMonths(1), base.plusMonths(1).plusHours(1), null));
        admin(A).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").get("/api/t/" + A + "/events")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) march));
        admin(A).queryParam("kind", "meeting").get("/api/t/" + A + "/events").then()
                .body("items.id", equalTo(List.of((int) april)));
        admin(A).get("/api/t/" + A + "/events").then().body("items.id", equalTo(List.of((int) april, (int) march)));
        admin(A).queryParam("status", "cancelled").get("/api/t/" + A + "/events").then().body("total", equalTo(0));
        admin(A).get("/api/t/" + A + "/events/" + march).then().body("startsAt", equalTo("2026-03-10T01:00:00Z"))
                .body("checkInOpensAt", equalTo("2026-03-10T00:30:00Z"))
                .body("checkInClosesAt", equalTo("2026-03-10T03:00:00Z"))
                .body("signUpUntil", equalTo("2026-03-10T01:00:00Z"));
    }

    @Test
    void regionalComparisonCountsEventsHeldCheckInsAndSignUps() {
        OffsetDateTime now = OffsetDateTime.now();
        long held = openEvent("training", null);
        long cancelled = openEvent("meeting", null);
        signUp(RIDER, held).then().statusCode(201);
        signUp(RIDERS.get(0), held).then().statusCode(201);
        signUp(RIDERS.get(1), cancelled).then().statusCode(201);
        scan(TestTenants.admin(A), held, riderCode(RIDER)).then().statusCode(201);
        admin(A).body(Map.of("reason", "改期")).post("/api/t/" + A + "/events/" + cancelled + "/cancel").then()
                .statusCode(200);
        refresher.refreshPending();
        String viewer = A + "-viewer";
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("subject", viewer, "regionPath", "测试省/测试市/" + A + "县", "role", "region_viewer"))
                .put("/api/platform/region-grants").then().statusCode(200);
        var comparison = given().auth().oauth2(Tokens.of(viewer)).queryParam("region", "测试省/测试市/" + A + "县")
                .queryParam("period", YearMonth.from(now.plusHours(2).atZoneSameInstant(ZoneId.of("Asia/Shanghai")))
                        .toString())
                .get("/api/regions/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(comparison.getList("figures.section")).contains("events");
        Map<String, Object> values = ComparisonJson.values(comparison, A);
        assertThat(((Number) values.get("events.held")).intValue()).isEqualTo(1);
        assertThat(((Number) values.get("events.attendance")).intValue()).isEqualTo(1);
        assertThat(((Number) values.get("events.signups")).intValue()).isEqualTo(3);
    }
}
