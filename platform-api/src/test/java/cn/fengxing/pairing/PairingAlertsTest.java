package cn.fengxing.pairing;

import cn.fengxing.pairing.service.PairingSweep;
import cn.fengxing.region.ComparisonJson;
import cn.fengxing.region.service.TownshipFigureRefresher;
import cn.fengxing.support.Db;
import cn.fengxing.support.Race;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static cn.fengxing.pairing.PairingFixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The alert rule 预警 end to end: anomalous and missed days in a row raise one alert per streak (however many visits
 * and sweeps evaluate at once), its last day moves while the streak goes on, a call for help raises one at once, the
 * township's days are those of its time zone; nobody following up in time escalates once to the admins; the
 * follow-up happens once and tells the rider; grid workers see their communities' alerts only; regional figures.
 */
@QuarkusTest
class PairingAlertsTest {

    static final String A = "pa-a";
    static final String B = "pa-b";
    static final String LA = "pa-la";
    static final String RIDER = TestTenants.member(A, "rider");
    static final String OTHER = A + "-r2";
    static final String HANDLER = TestTenants.member(A, "handler");
    static final String ADMIN = TestTenants.admin(A);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final LocalDate START = LocalDate.of(2026, 6, 1);

    @Inject
    MovableClock clock;

    @Inject
    PairingSweep sweep;

    @Inject
    TownshipFigureRefresher refresher;

    long elder;
    long pairing;

    @BeforeEach
    void townships() {
        clock.reset();
        PairingFixtures.township(A, 105.0, 22.0, "Asia/Shanghai", List.of(OTHER));
        PairingFixtures.township(B, 106.0, 22.0, "Asia/Shanghai", List.of());
        PairingFixtures.township(LA, 107.0, 22.0, "America/Los_Angeles", List.of());
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

    static Response visit(String tenant, String rider, long pairing, String outcome, Instant at, String requestId) {
        return as(rider).body(Map.of("outcome", outcome, "visitedAt", at.toString(), "requestId", requestId))
                .post("/api/t/" + tenant + "/pairing/mine/" + pairing + "/visits");
    }

    /** The township's alerts: reason, first day, last day, per row, oldest first. */
    static List<String> alerts(String tenant) {
        return Db.strings("select reason || ' ' || coalesce(streak_from::text, '-') || ' ' || coalesce(streak_to::text, '-')"
                + " from pairing_alert where tenant_id = '" + tenant + "' order by id");
    }

    static long messages(String tenant, String kind, String subject) {
        return Db.count("select count(*) from notification where tenant_id = '" + tenant + "' and kind = '" + kind
                + "' and subject = '" + subject + "'");
    }

    static long alertId(String tenant) {
        return Long.parseLong(Db.strings("select max(id) from pairing_alert where tenant_id = '" + tenant + "'").get(0));
    }

    static String alerts(String tenant, long id) {
        return "/api/t/" + tenant + "/pairing/alerts/" + id;
    }

    // ---- the rule --------------------------------------------------------------------------------------------

    @Test
    void anomalousAndMissedDaysInARowRaiseOneAlertThatGrowsWithTheStreak() {
        // the 1st and 2nd passed without a look-in: two anomalous days, not yet three
        clock.set(at(LocalDate.of(2026, 6, 3), "07:00", SHANGHAI));
        sweep.sweep(A);
        assertThat(alerts(A)).isEmpty();
        // nobody answers on the 3rd: the third day in a row raises the alert at once
        visit(A, RIDER, pairing, "no_answer", at(LocalDate.of(2026, 6, 3), "06:55", SHANGHAI), "day3-visit")
                .then().statusCode(201).body("alertRaised", equalTo(true));
        assertThat(alerts(A)).containsExactly("streak 2026-06-01 2026-06-03");
        long id = alertId(A);
        assertThat(messages(A, "pairing_alert", HANDLER)).isEqualTo(1);
        assertThat(messages(A, "pairing_alert", ADMIN)).isZero(); // the community has its grid worker
        assertThat(Db.strings("select params::text || ' ' || link || ' ' || dedup_key from notification where tenant_id = '"
                + A + "' and subject = '" + HANDLER + "'").get(0))
                .contains("\"elder\": \"王**\"", "\"community\": \"一社区\"", "\"reason\": \"streak\"", "\"days\": \"3\"")
                .contains("/console/pairing/alerts/" + id, "pairing-alert:" + id)
                .doesNotContain("秀兰");
        // sweeps again and again: the same alert, no further message
        for (int i = 0; i < 3; i++) {
            sweep.sweep(A);
        }
        assertThat(alerts(A)).hasSize(1);
        assertThat(messages(A, "pairing_alert", HANDLER)).isEqualTo(1);
        // garbage not out on the 4th, and nothing on the 5th: the alert's streak runs on to the 5th
        clock.set(at(LocalDate.of(2026, 6, 4), "18:00", SHANGHAI));
        visit(A, RIDER, pairing, "garbage_not_out", clock.instant(), "day4-visit").then().statusCode(201)
                .body("alertRaised", equalTo(true));
        assertThat(alerts(A)).containsExactly("streak 2026-06-01 2026-06-04");
        clock.set(at(LocalDate.of(2026, 6, 6), "07:00", SHANGHAI));
        sweep.sweep(A);
        assertThat(alerts(A)).containsExactly("streak 2026-06-01 2026-06-05");
        // a fine day ends it; the days that follow without look-ins are a new streak and a new alert
        visit(A, RIDER, pairing, "ok", clock.instant(), "day6-visit").then().statusCode(201)
                .body("alertRaised", equalTo(false));
        clock.set(at(LocalDate.of(2026, 6, 9), "07:00", SHANGHAI));
        sweep.sweep(A);
        assertThat(alerts(A)).containsExactly("streak 2026-06-01 2026-06-05");
        clock.set(at(LocalDate.of(2026, 6, 10), "00:05", SHANGHAI));
        sweep.sweep(A);
        assertThat(alerts(A)).containsExactly("streak 2026-06-01 2026-06-05", "streak 2026-06-07 2026-06-09");
        assertThat(messages(A, "pairing_alert", HANDLER)).isEqualTo(2);
    }

    @Test
    void aDaysSignIsItsLastVisitAndTheTownshipsStreakDaysApply() {
        PairingFixtures.settings(A, 2, 60);
        LocalDate today = LocalDate.of(2026, 6, 2);
        // the 1st was fine; on the 2nd fine in the morning, then nobody answers in the evening: anomalous
        clock.set(at(today, "20:00", SHANGHAI));
        visit(A, RIDER, pairing, "ok", at(START, "09:00", SHANGHAI), "sign-day1").then().statusCode(201);
        visit(A, RIDER, pairing, "ok", at(today, "09:00", SHANGHAI), "sign-day2a").then().statusCode(201);
        visit(A, RIDER, pairing, "no_answer", at(today, "19:00", SHANGHAI), "sign-day2b").then().statusCode(201);
        assertThat(alerts(A)).isEmpty();
        // the 3rd: nobody answers again, two days in a row with the township's rule of two
        clock.set(at(today.plusDays(1), "08:00", SHANGHAI));
        visit(A, RIDER, pairing, "no_answer", clock.instant(), "sign-day3").then().statusCode(201)
                .body("alertRaised", equalTo(true));
        assertThat(alerts(A)).containsExactly("streak 2026-06-02 2026-06-03");
        assertThat(Db.strings("select extract(epoch from due_at - raised_at)::int from pairing_alert where tenant_id = '"
                + A + "'")).containsExactly("3600");
    }

    @Test
    void theTownshipsDaysAreThoseOfItsTimeZone() {
        PairingFixtures.settings(LA, 2, 120);
        PairingFixtures.settings(A, 2, 120);
        PairingFixtures.sql("delete from pairing where id = " + pairing);
        long laElder = PairingFixtures.elder(LA, "c1", "Li", "Mei");
        String laRider = TestTenants.member(LA, "rider");
        long laPairing = PairingFixtures.pairing(LA, laElder, laRider, START);
        long shElder = PairingFixtures.elder(A, "c2", "赵", "桂芳");
        long shPairing = PairingFixtures.pairing(A, shElder, OTHER, START.plusDays(1));
        clock.set(at(START.plusDays(1), "01:00", LOS_ANGELES));
        // 23:30 on the 1st and 00:30 on the 2nd in Los Angeles: two days in a row across midnight
        visit(LA, laRider, laPairing, "no_answer", at(START, "23:30", LOS_ANGELES), "la-night-1").then().statusCode(201)
                .body("day", equalTo("2026-06-01"));
        visit(LA, laRider, laPairing, "no_answer", at(START.plusDays(1), "00:30", LOS_ANGELES), "la-night-2")
                .then().statusCode(201).body("day", equalTo("2026-06-02")).body("alertRaised", equalTo(true));
        assertThat(alerts(LA)).containsExactly("streak 2026-06-01 2026-06-02");
        // the same two moments are one afternoon in Shanghai (the 2nd): one anomalous day, no alert
        visit(A, OTHER, shPairing, "no_answer", at(START, "23:30", LOS_ANGELES), "sh-aftn-1").then().statusCode(201)
                .body("day", equalTo("2026-06-02"));
        visit(A, OTHER, shPairing, "no_answer", at(START.plusDays(1), "00:30", LOS_ANGELES), "sh-aftn-2")
                .then().statusCode(201).body("day", equalTo("2026-06-02")).body("alertRaised", equalTo(false));
        sweep.sweep(A);
        assertThat(alerts(A)).isEmpty();
        // Shanghai's 3rd begins at 16:00 UTC: the 2nd is over there, though not yet in Los Angeles
        clock.set(at(START.plusDays(2), "00:10", SHANGHAI));
        sweep.sweep(A);
        assertThat(alerts(A)).isEmpty(); // the 2nd was one day; the 3rd is not over
        clock.set(at(START.plusDays(3), "00:10", SHANGHAI));
        sweep.sweep(A);
        assertThat(alerts(A)).containsExactly("streak 2026-06-02 2026-06-03");
    }

    @Test
    void visitsAndSweepsEvaluatingAtOnceRaiseExactlyOneAlert() throws Exception {
        long c2Elder = PairingFixtures.elder(A, "c2", "赵", "桂芳");
        long c2Pairing = PairingFixtures.pairing(A, c2Elder, OTHER, START);
        clock.set(at(LocalDate.of(2026, 6, 3), "08:00", SHANGHAI));
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            work.add(() -> {
                sweep.sweep(A);
                return 0;
            });
        }
        for (int i = 0; i < 2; i++) {
            String id = "race-visit-" + i;
            work.add(() -> visit(A, RIDER, pairing, "no_answer", clock.instant(), id).statusCode());
            work.add(() -> visit(A, OTHER, c2Pairing, "garbage_not_out", clock.instant(), id).statusCode());
        }
        assertThat(Race.run(work)).containsOnly(0, 201);
        assertThat(alerts(A)).containsExactly("streak 2026-06-01 2026-06-03", "streak 2026-06-01 2026-06-03");
        // c1's grid worker hears of c1's elder once; c2 has no grid worker, so the admins hear of c2's, once
        assertThat(messages(A, "pairing_alert", HANDLER)).isEqualTo(1);
        assertThat(messages(A, "pairing_alert", ADMIN)).isEqualTo(1);
        assertThat(Db.count("select count(*) from notification where tenant_id = '" + A + "'")).isEqualTo(2);
    }

    @Test
    void aCallForHelpRaisesAnAlertAtOnceForEachCall() {
        clock.set(at(START, "10:00", SHANGHAI));
        int first = visit(A, RIDER, pairing, "needs_help", clock.instant(), "help-call1").then().statusCode(201)
                .body("alertRaised", equalTo(true)).extract().path("id");
        assertThat(alerts(A)).containsExactly("needs_help - -");
        assertThat(Db.strings("select visit_id from pairing_alert where tenant_id = '" + A + "'"))
                .containsExactly(String.valueOf(first));
        assertThat(messages(A, "pairing_alert", HANDLER)).isEqualTo(1);
        // its retry raises nothing more; another call does
        visit(A, RIDER, pairing, "needs_help", clock.instant(), "help-call1").then().statusCode(200);
        visit(A, RIDER, pairing, "needs_help", clock.instant().plusSeconds(60), "help-call2").then().statusCode(201);
        assertThat(alerts(A)).containsExactly("needs_help - -", "needs_help - -");
        assertThat(messages(A, "pairing_alert", HANDLER)).isEqualTo(2);
        as(ADMIN).get(alerts(A, alertId(A))).then().statusCode(200).body("reason", equalTo("needs_help"))
                .body("days", equalTo(1)).body("visits", hasSize(1)).body("visits[0].outcome", equalTo("needs_help"))
                .body("visits[0].alertRaised", equalTo(true)).body("state", equalTo("open"));
    }

    // ---- escalation and follow-up ----------------------------------------------------------------------------

    @Test
    void anAlertNobodyFollowsUpInTimeEscalatesOnceToTheAdmins() {
        PairingFixtures.settings(A, 3, 30);
        Instant raised = at(START, "10:00", SHANGHAI);
        clock.set(raised);
        visit(A, RIDER, pairing, "needs_help", raised, "esc-help-1").then().statusCode(201);
        long late = alertId(A);
        visit(A, RIDER, pairing, "needs_help", raised, "esc-help-2").then().statusCode(201);
        long answered = alertId(A);
        as(ADMIN).get(alerts(A, late)).then().body("dueAt", equalTo("2026-06-01T02:30:00Z"));
        // before the due time: nothing
        clock.set(raised.plus(Duration.ofMinutes(29)));
        sweep.sweep(A);
        assertThat(messages(A, "pairing_alert_escalated", ADMIN)).isZero();
        as(HANDLER).body(Map.of("outcome", "safe")).post(alerts(A, answered) + "/follow-up").then().statusCode(200);
        // past it: the unanswered one escalates, once, however often the sweep passes
        clock.set(raised.plus(Duration.ofMinutes(31)));
        sweep.sweep(A);
        sweep.sweep(A);
        assertThat(messages(A, "pairing_alert_escalated", ADMIN)).isEqualTo(1);
        assertThat(messages(A, "pairing_alert_escalated", HANDLER)).isZero();
        assertThat(Db.strings("select dedup_key from notification where kind = 'pairing_alert_escalated' and tenant_id = '"
                + A + "'")).containsExactly("pairing-alert-escalated:" + late);
        as(ADMIN).get(alerts(A, late)).then().statusCode(200).body("state", equalTo("escalated"))
                .body("escalatedAt", equalTo("2026-06-01T02:31:00Z"));
        as(ADMIN).get(alerts(A, answered)).then().statusCode(200).body("state", equalTo("closed"))
                .body("escalatedAt", nullValue());
        as(ADMIN).queryParam("state", "escalated").get("/api/t/" + A + "/pairing/alerts").then()
                .body("items.id", contains((int) late));
        // following up an escalated alert closes it
        as(ADMIN).body(Map.of("outcome", "hospital", "note", "已送医")).post(alerts(A, late) + "/follow-up").then()
                .statusCode(200).body("state", equalTo("closed"));
        clock.set(raised.plus(Duration.ofHours(5)));
        sweep.sweep(A);
        assertThat(messages(A, "pairing_alert_escalated", ADMIN)).isEqualTo(1);
    }

    @Test
    void theFollowUpHappensOnceIsAuditedAndTellsTheRider() throws Exception {
        clock.set(at(START, "10:00", SHANGHAI));
        visit(A, RIDER, pairing, "needs_help", clock.instant(), "fu-help-01").then().statusCode(201);
        long id = alertId(A);
        as(HANDLER).body(Map.of("outcome", "other")).post(alerts(A, id) + "/follow-up").then().statusCode(400)
                .body("errors.field", hasItem("note"));
        as(HANDLER).body(Map.of("outcome", "fine")).post(alerts(A, id) + "/follow-up").then().statusCode(400);
        as(HANDLER).body(Map.of("outcome", "other", "note", "x".repeat(501))).post(alerts(A, id) + "/follow-up")
                .then().statusCode(400);
        clock.set(at(START, "10:40", SHANGHAI));
        List<Callable<Integer>> twins = new ArrayList<>();
        for (String who : List.of(HANDLER, ADMIN, HANDLER, ADMIN)) {
            twins.add(() -> as(who).body(Map.of("outcome", "family", "note", "女儿已上门看望"))
                    .post(alerts(A, id) + "/follow-up").statusCode());
        }
        assertThat(Race.run(twins)).containsExactlyInAnyOrder(200, 409, 409, 409);
        as(HANDLER).body(Map.of("outcome", "safe")).post(alerts(A, id) + "/follow-up").then().statusCode(409);
        JsonPath alert = as(HANDLER).get(alerts(A, id)).then().statusCode(200).extract().jsonPath();
        assertThat(alert.getString("state")).isEqualTo("closed");
        assertThat(alert.getString("outcome")).isEqualTo("family");
        assertThat(alert.getString("note")).isEqualTo("女儿已上门看望");
        assertThat(alert.getString("followedUpBy")).isIn(A + " handler", A + " tenant_admin");
        assertThat(alert.getString("followedUpAt")).isEqualTo("2026-06-01T02:40:00Z");
        assertThat(alert.getString("rider.name")).isEqualTo(A + " 骑手");
        assertThat(alert.getString("elder.name")).isEqualTo("王**");
        assertThat(alert.getString("elder.community.code")).isEqualTo("c1");
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + A
                + "' and action = 'pairing.alert.follow-up' and target = '" + id + "'")).isEqualTo(1);
        assertThat(Db.strings("select params::text || ' ' || link from notification where tenant_id = '" + A
                + "' and kind = 'pairing_alert_followed_up' and subject = '" + RIDER + "'"))
                .singleElement().asString().contains("\"elder\": \"秀兰\"", "\"outcome\": \"family\"", "/rider/pairing");
    }

    // ---- who sees what ---------------------------------------------------------------------------------------

    @Test
    void gridWorkersSeeTheirCommunitiesAlertsAndOtherTownshipsNone() {
        long c2Elder = PairingFixtures.elder(A, "c2", "赵", "桂芳");
        long c2Pairing = PairingFixtures.pairing(A, c2Elder, OTHER, START);
        clock.set(at(START, "10:00", SHANGHAI));
        visit(A, RIDER, pairing, "needs_help", clock.instant(), "see-help-1").then().statusCode(201);
        long c1Alert = alertId(A);
        visit(A, OTHER, c2Pairing, "needs_help", clock.instant(), "see-help-2").then().statusCode(201);
        long c2Alert = alertId(A);
        String list = "/api/t/" + A + "/pairing/alerts";
        as(ADMIN).get(list).then().statusCode(200).body("total", equalTo(2));
        as(ADMIN).queryParam("community", "c2").get(list).then().body("items.id", contains((int) c2Alert));
        as(ADMIN).queryParam("community", "nowhere").get(list).then().statusCode(200).body("total", equalTo(0));
        as(ADMIN).queryParam("state", "closed").get(list).then().body("total", equalTo(0));
        as(ADMIN).queryParam("state", "open").get(list).then().body("total", equalTo(2));
        as(ADMIN).queryParam("state", "nonsense").get(list).then().statusCode(400);
        as(ADMIN).queryParam("community", "c1\u0000").get(list).then().statusCode(400);
        as(HANDLER).get(list).then().statusCode(200).body("items.id", contains((int) c1Alert))
                .body("items[0].elder.name", equalTo("王**")).body("items[0].rider.name", equalTo(A + " 骑手"));
        as(HANDLER).get(alerts(A, c2Alert)).then().statusCode(404);
        as(HANDLER).body(Map.of("outcome", "safe")).post(alerts(A, c2Alert) + "/follow-up").then().statusCode(404);
        for (String role : List.of("dispatcher", "rider", "station_keeper")) {
            as(TestTenants.member(A, role)).get(list).then().statusCode(403);
            as(TestTenants.member(A, role)).get(alerts(A, c1Alert)).then().statusCode(403);
            as(TestTenants.member(A, role)).body(Map.of("outcome", "safe")).post(alerts(A, c1Alert) + "/follow-up")
                    .then().statusCode(403);
        }
        // another township's admin: no such alert there
        as(TestTenants.admin(B)).get(alerts(B, c1Alert)).then().statusCode(404);
        as(TestTenants.admin(B)).body(Map.of("outcome", "safe")).post(alerts(B, c1Alert) + "/follow-up").then()
                .statusCode(404);
        as(TestTenants.admin(B)).get("/api/t/" + B + "/pairing/alerts").then().statusCode(200).body("total", equalTo(0));
        assertThat(Db.count("select count(*) from pairing_alert where tenant_id = '" + A
                + "' and followed_up_at is not null")).isZero();
    }

    // ---- regional comparison -----------------------------------------------------------------------------------

    @Test
    void regionalComparisonCountsPairingsLookInsAlertsAndFollowUpTime() {
        LocalDate today = LocalDate.now(SHANGHAI);
        PairingFixtures.sql("delete from pairing where tenant_id = '" + A + "'");
        refresher.refreshPending(); // the township's figures are known: from now on only marked days are recounted
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        LocalDate lastMonthEnd = lastMonth.atEndOfMonth();
        // recorded today, paired since long before: counted back from their start
        long open = PairingFixtures.pairing(A, elder, RIDER, today.minusDays(60));
        long elder2 = PairingFixtures.elder(A, "c2", "赵", "桂芳");
        long elder3 = PairingFixtures.elder(A, "c2", "孙", "玉英");
        long ended = PairingFixtures.pairing(A, elder3, OTHER, today.minusDays(70));
        PairingFixtures.sql("update pairing set end_on = '" + today.minusDays(65) + "' where id = " + ended);
        long ending = PairingFixtures.pairing(A, elder2, OTHER, today.minusDays(60));
        visit(A, RIDER, open, "ok", Instant.now().minusSeconds(60), "fig-visit-1").then().statusCode(201);
        visit(A, OTHER, ending, "needs_help", Instant.now().minusSeconds(30), "fig-visit-2").then().statusCode(201);
        // the call for help, and the sixty days before it without a look-in
        assertThat(alerts(A)).hasSize(2);
        long alert = Long.parseLong(Db.strings("select id from pairing_alert where tenant_id = '" + A
                + "' and reason = 'needs_help'").get(0));
        PairingFixtures.sql("update pairing_alert set raised_at = now() - interval '40 minutes' where id = " + alert);
        as(ADMIN).body(Map.of("outcome", "helped")).post(alerts(A, alert) + "/follow-up")
                .then().statusCode(200);
        refresher.refreshPending();
        Map<String, Object> thisMonth = values(YearMonth.from(today));
        assertThat(((Number) thisMonth.get("pairing.active")).intValue()).isEqualTo(2);
        assertThat(((Number) thisMonth.get("pairing.visits")).intValue()).isEqualTo(2);
        assertThat(((Number) thisMonth.get("pairing.alerts")).intValue()).isEqualTo(2);
        assertThat(((Number) thisMonth.get("pairing.medianFollowUpMinutes")).doubleValue()).isBetween(30.0, 45.0);
        assertThat(((Number) values(lastMonth).get("pairing.active")).intValue()).isEqualTo(2);
        // a pairing ended before last month's last day: last month counts the other alone
        PairingFixtures.sql("update pairing set end_on = '" + lastMonthEnd.minusDays(1) + "' where id = " + ending);
        refresher.refreshPending();
        assertThat(((Number) values(lastMonth).get("pairing.active")).intValue()).isEqualTo(1);
        assertThat(((Number) values(YearMonth.from(today)).get("pairing.active")).intValue()).isEqualTo(1);
    }

    private Map<String, Object> values(YearMonth period) {
        String viewer = A + "-viewer";
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("subject", viewer, "regionPath", "测试省/测试市/" + A + "县", "role", "region_viewer"))
                .put("/api/platform/region-grants").then().statusCode(200);
        JsonPath comparison = given().auth().oauth2(Tokens.of(viewer)).queryParam("region", "测试省/测试市/" + A + "县")
                .queryParam("period", period.toString()).get("/api/regions/comparison").then().statusCode(200)
                .extract().jsonPath();
        assertThat(comparison.getList("figures.section")).contains("pairing");
        return ComparisonJson.values(comparison, A);
    }
}
