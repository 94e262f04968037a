package cn.fengxing.points;

import cn.fengxing.points.api.PointsAction;
import cn.fengxing.points.service.PointsLedger;
import cn.fengxing.points.service.PointsSweep;
import cn.fengxing.region.ComparisonJson;
import cn.fengxing.region.service.TownshipFigureRefresher;
import cn.fengxing.support.Db;
import cn.fengxing.support.Race;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import cn.fengxing.tenancy.service.TenantWork;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Points 爱心存折: a report accepted pays its rider once however the event comes, caps and approvals, the ledger's
 * corrections, riders racing for the last item and for their last points, hand-over by the station's keeper,
 * cancellation and expiry, standings, and townships kept apart.
 */
@QuarkusTest
class PointsApiTest {

    static final String A = "pt-a";
    static final String B = "pt-b";
    static final double LON = 118.0;
    static final double LAT = 29.0;
    static final int RACERS = 50;
    static final String KEEPER = TestTenants.member(A, "station_keeper");
    static final String RIDER = TestTenants.member(A, "rider");
    static final List<String> RIDERS = IntStream.range(0, RACERS).mapToObj(i -> A + "-racer-" + i).toList();

    @Inject
    PointsSweep sweep;

    @Inject
    PointsLedger ledger;

    @Inject
    TenantWork work;

    @Inject
    TownshipFigureRefresher refresher;

    @BeforeEach
    void townships() {
        TestTenants.onboardWithRiders(A, LON, LAT, RIDERS);
        TestTenants.onboard(B, LON + 1, LAT);
        try (var c = Db.superuser(); var st = c.createStatement()) {
            for (String table : List.of("points_redemption", "points_reward", "points_entry", "points_claim",
                    "points_account", "points_rule", "outbox_event")) {
                st.execute("delete from " + table + " where tenant_id in ('" + A + "', '" + B + "')");
            }
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

    static void rule(String tenant, String action, int points, Integer daily, Integer monthly, boolean approval) {
        Map<String, Object> rule = new HashMap<>(Map.of("action", action, "points", points, "needsApproval", approval));
        rule.put("dailyCap", daily);
        rule.put("monthlyCap", monthly);
        admin(tenant).body(rule).put("/api/t/" + tenant + "/points/rules").then().statusCode(200)
                .body("configured", equalTo(true)).body("points", equalTo(points));
    }

    static long riderId(String tenant, String subject) {
        return Long.parseLong(Db.strings("select id from rider where tenant_id = '" + tenant + "' and subject = '"
                + subject + "'").get(0));
    }

    static Response award(String caller, long rider, String action, Integer points, String requestId) {
        Map<String, Object> body = new HashMap<>(Map.of("riderId", rider, "action", action, "reason", "帮助老人过马路",
                "requestId", requestId));
        body.put("points", points);
        return as(caller).body(body).post("/api/t/" + A + "/points/awards");
    }

    static void give(long rider, int points) {
        admin(A).body(Map.of("riderId", rider, "points", points, "reason", "期初积分", "requestId",
                UUID.randomUUID().toString())).post("/api/t/" + A + "/points/corrections").then().statusCode(201);
    }

    static long balance(long rider) {
        return Db.count("select coalesce(max(balance), 0) from points_account where tenant_id = '" + A
                + "' and rider_id = " + rider);
    }

    /** Every account's balance is the sum of its entries, and every entry's balance after is its running sum. */
    static void ledgerAddsUp() {
        assertThat(Db.count("select count(*) from points_account a where tenant_id = '" + A + "' and balance <> "
                + "(select coalesce(sum(points), 0) from points_entry e where e.tenant_id = a.tenant_id and "
                + "e.rider_id = a.rider_id)")).isZero();
        assertThat(Db.count("select count(*) from (select balance_after, sum(points) over (partition by rider_id "
                + "order by id) running from points_entry where tenant_id = '" + A + "') x where balance_after <> "
                + "running")).isZero();
    }

    static long stationWithReward(String code, String keeper, int cost, int stock) {
        Map<String, Object> station = new HashMap<>(Map.of("code", code, "name", "爱心驿站 " + code, "kind",
                "workers_home", "lon", LON, "lat", LAT, "hours", Map.of("open24h", true)));
        if (keeper != null) {
            station.put("keeper", keeper);
        }
        admin(A).body(station).post("/api/t/" + A + "/stations").then().statusCode(201);
        return admin(A).body(Map.of("code", "r-" + code, "name", "骑行雨衣", "cost", cost, "stock", stock, "station",
                        code)).post("/api/t/" + A + "/points/rewards").then().statusCode(201)
                .body("stationName", equalTo("爱心驿站 " + code)).extract().jsonPath().getLong("id");
    }

    static Response redeem(String rider, long reward, String requestId) {
        return as(rider).body(Map.of("requestId", requestId))
                .post("/api/t/" + A + "/points/rewards/" + reward + "/redemptions");
    }

    @Test
    void anAcceptedReportPaysItsRiderOnceHoweverOftenTheEventComes() throws Exception {
        rule(A, "report_accepted", 10, 50, null, false);
        long report = Reports.file(A, "road-damage", LON, LAT);
        as(TestTenants.member(A, "dispatcher")).body(Map.of("kind", "handler", "subject",
                TestTenants.member(A, "handler"))).post("/api/t/" + A + "/dispatch/reports/" + report + "/dispatch")
                .then().statusCode(200);
        long rider = riderId(A, RIDER);
        assertThat(balance(rider)).isZero();

        sweep.sweep(A);
        assertThat(balance(rider)).isEqualTo(10);
        sweep.sweep(A);
        // the event delivered again (its consumption lost), and two instances passing at once: still once
        Db.strings("update outbox_event set consumed_at = null where tenant_id = '" + A + "' returning id");
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> passes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            passes.add(two.submit(() -> {
                start.await();
                sweep.sweep(A);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> pass : passes) {
            pass.get();
        }
        two.shutdown();
        assertThat(Db.count("select count(*) from points_entry where tenant_id = '" + A + "' and source = 'report:"
                + report + "'")).isEqualTo(1);
        assertThat(Db.count("select count(*) from outbox_event where tenant_id = '" + A
                + "' and consumed_at is null")).isZero();
        assertThat(balance(rider)).isEqualTo(10);

        as(RIDER).get("/api/t/" + A + "/points/me").then().statusCode(200).body("balance", equalTo(10))
                .body("earnedThisMonth", equalTo(10)).body("rank", equalTo(1)).body("ranked", equalTo(1));
        as(RIDER).get("/api/t/" + A + "/points/me/entries").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].action", equalTo("report_accepted"))
                .body("items[0].kind", equalTo("award")).body("items[0].balanceAfter", equalTo(10));
        ledgerAddsUp();
    }

    @Test
    void capsHoldPerDayAndMonth() throws Exception {
        rule(A, "home_visit", 5, 12, 20, false);
        long rider = riderId(A, RIDER);
        award(TestTenants.admin(A), rider, "home_visit", null, "v1").then().statusCode(201)
                .body("entry.points", equalTo(5)).body("capped", equalTo(false));
        award(TestTenants.admin(A), rider, "home_visit", null, "v2").then().statusCode(201);
        award(TestTenants.admin(A), rider, "home_visit", null, "v3").then().statusCode(201)
                .body("entry.points", equalTo(2)).body("capped", equalTo(true));
        award(TestTenants.admin(A), rider, "home_visit", null, "v4").then().statusCode(409)
                .body("detail", containsString("上限"));
        assertThat(balance(rider)).isEqualTo(12);

        // the month's cap over two days of one month (a fixed past month, whatever today is)
        OffsetDateTime first = OffsetDateTime.parse("2026-03-10T10:00:00+08:00");
        int day1 = IntStream.range(0, 3).map(i -> work.inTenant(A, () -> ledger.award(rider, PointsAction.home_visit,
                null, "入户走访", "past:" + i, "admin", true, first).entry().points)).sum();
        int day2 = IntStream.range(3, 6).map(i -> work.inTenant(A, () -> {
            PointsLedger.Awarded a = ledger.award(rider, PointsAction.home_visit, null, "入户走访", "past:" + i, "admin",
                    true, first.plusDays(1));
            return a.entry() == null ? 0 : a.entry().points;
        })).sum();
        assertThat(day1).isEqualTo(12);
        assertThat(day2).isEqualTo(8);

        // twenty awards of one rider at once: the day's cap holds
        rule(A, "helping", 10, 30, null, false);
        long other = riderId(A, RIDERS.get(0));
        List<Integer> statuses = Race.of(IntStream.range(0, 20).mapToObj(i -> (Callable<Integer>) () ->
                award(TestTenants.admin(A), other, "helping", null, "h-" + i).statusCode()).toList());
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(balance(other)).isEqualTo(30);
        ledgerAddsUp();
    }

    @Test
    void awardsNeedingApprovalWaitForTheAdmin() {
        rule(A, "volunteering", 15, null, null, true);
        long rider = riderId(A, RIDER);
        long claim = award(TestTenants.member(A, "dispatcher"), rider, "volunteering", null, "vol-1").then()
                .statusCode(202).body("entry", nullValue()).body("claim.status", equalTo("pending"))
                .body("claim.riderName", equalTo(A + " 骑手")).body("claim.proposedBy", equalTo(A + " dispatcher"))
                .extract().jsonPath().getLong("claim.id");
        long declined = award(TestTenants.member(A, "handler"), rider, "volunteering", null, "vol-2").then()
                .statusCode(202).extract().jsonPath().getLong("claim.id");
        // a retry is the same claim
        award(TestTenants.member(A, "dispatcher"), rider, "volunteering", null, "vol-1").then().statusCode(202)
                .body("claim.id", equalTo((int) claim));
        assertThat(balance(rider)).isZero();
        admin(A).get("/api/t/" + A + "/points/claims").then().statusCode(200).body("total", equalTo(2));

        admin(A).body(Map.of("note", "核实无误")).post("/api/t/" + A + "/points/claims/" + claim + "/approve").then()
                .statusCode(200).body("entry.points", equalTo(15));
        admin(A).post("/api/t/" + A + "/points/claims/" + claim + "/approve").then().statusCode(409);
        admin(A).body(Map.of("note", "当天未参加")).post("/api/t/" + A + "/points/claims/" + declined + "/decline")
                .then().statusCode(200).body("status", equalTo("declined"));
        admin(A).post("/api/t/" + A + "/points/claims/" + declined + "/approve").then().statusCode(409);
        assertThat(balance(rider)).isEqualTo(15);
        // the admin's own award is the approval
        award(TestTenants.admin(A), rider, "volunteering", null, "vol-3").then().statusCode(201);
        assertThat(balance(rider)).isEqualTo(30);
        admin(A).get("/api/t/" + A + "/points/claims").then().body("total", equalTo(0));
        // only the admin decides; the rider cannot award themselves
        as(TestTenants.member(A, "dispatcher")).post("/api/t/" + A + "/points/claims/" + declined + "/approve")
                .then().statusCode(403);
        award(RIDER, rider, "volunteering", null, "vol-4").then().statusCode(403);
        ledgerAddsUp();
    }

    @Test
    void awardsAndCorrectionsAreCheckedAndCountOnce() {
        rule(A, "manual", 50, null, null, false);
        long rider = riderId(A, RIDER);
        long entry = award(TestTenants.admin(A), rider, "manual", 30, "m-1").then().statusCode(201)
                .body("entry.reason", equalTo("帮助老人过马路")).extract().jsonPath().getLong("entry.id");
        award(TestTenants.admin(A), rider, "manual", 30, "m-1").then().statusCode(201)
                .body("entry.id", equalTo((int) entry));
        long before = Db.count("select count(*) from points_entry where tenant_id = '" + A + "'");
        award(TestTenants.admin(A), rider, "manual", null, "m-2").then().statusCode(400);
        award(TestTenants.admin(A), rider, "manual", 51, "m-3").then().statusCode(400);
        award(TestTenants.admin(A), rider, "training", null, "m-4").then().statusCode(409)
                .body("detail", containsString("积分规则"));
        award(TestTenants.admin(A), 999_999_999L, "manual", 5, "m-5").then().statusCode(404);
        award(TestTenants.admin(A), riderId(B, TestTenants.member(B, "rider")), "manual", 5, "m-6").then()
                .statusCode(404);
        admin(A).body(Map.of("riderId", rider, "points", -31, "reason", "重复录入", "requestId", "c-1"))
                .post("/api/t/" + A + "/points/corrections").then().statusCode(409)
                .body("detail", containsString("积分不足"));
        admin(A).body(Map.of("riderId", rider, "points", 0, "reason", "无", "requestId", "c-2"))
                .post("/api/t/" + A + "/points/corrections").then().statusCode(400);
        admin(A).body(Map.of("riderId", rider, "points", -10, "reason", "=cmd|' /C calc'!A0", "requestId", "c-3"))
                .post("/api/t/" + A + "/points/corrections").then().statusCode(201).body("balanceAfter", equalTo(20));
        assertThat(Db.count("select count(*) from points_entry where tenant_id = '" + A + "'")).isEqualTo(before + 1);
        assertThat(balance(rider)).isEqualTo(20);
        admin(A).queryParam("rider", rider).get("/api/t/" + A + "/points/entries").then().statusCode(200)
                .body("items[0].kind", equalTo("correction")).body("items[0].points", equalTo(-10))
                .body("items[0].byName", equalTo(A + " tenant_admin"))
                .body("items[1].points", equalTo(30));
        ledgerAddsUp();
    }

    @Test
    void fiftyRidersRaceForTheLastItem() throws Exception {
        long reward = stationWithReward("race", KEEPER, 50, 1);
        List<Long> ids = RIDERS.stream().map(s -> riderId(A, s)).toList();
        ids.forEach(id -> give(id, 100));
        List<Integer> statuses = Race.of(RIDERS.stream().map(s -> (Callable<Integer>) () -> redeem(s, reward,
                UUID.randomUUID().toString()).statusCode()).toList());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(Db.count("select stock from points_reward where id = " + reward)).isZero();
        assertThat(Db.count("select count(*) from points_redemption where tenant_id = '" + A + "'")).isEqualTo(1);
        assertThat(Db.count("select count(*) from points_account where tenant_id = '" + A + "' and balance = 50"))
                .isEqualTo(1);
        assertThat(Db.count("select count(*) from points_account where tenant_id = '" + A + "' and balance = 100"))
                .isEqualTo(RACERS - 1);
        redeem(RIDERS.get(0), reward, "late").then().statusCode(409).body("detail", containsString("已兑完"));
        ledgerAddsUp();
    }

    @Test
    void oneRiderRacesForTheirLastPoints() throws Exception {
        long reward = stationWithReward("last", KEEPER, 50, 100);
        String racer = RIDERS.get(0);
        long rider = riderId(A, racer);
        give(rider, 50);
        List<Integer> statuses = Race.of(IntStream.range(0, RACERS).mapToObj(i -> (Callable<Integer>) () ->
                redeem(racer, reward, "try-" + i).statusCode()).toList());
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(balance(rider)).isZero();
        assertThat(Db.count("select stock from points_reward where id = " + reward)).isEqualTo(99);
        // a retry of the redemption that passed is that redemption, not a second one
        String passed = Db.strings("select request_id from points_redemption where tenant_id = '" + A + "'").get(0);
        redeem(racer, reward, passed).then().statusCode(201);
        assertThat(Db.count("select count(*) from points_redemption where tenant_id = '" + A + "'")).isEqualTo(1);
        ledgerAddsUp();
    }

    @Test
    void theStationsKeeperHandsTheRewardOverByItsCodeOnce() {
        long reward = stationWithReward("home", KEEPER, 40, 5);
        long elsewhere = stationWithReward("far", null, 40, 5);
        long rider = riderId(A, RIDER);
        give(rider, 100);
        String code = redeem(RIDER, reward, "r-1").then().statusCode(201).body("status", equalTo("reserved"))
                .body("stationName", equalTo("爱心驿站 home")).body("expiresAt", notNullValue())
                .extract().jsonPath().getString("code");
        assertThat(code).matches("[A-HJ-NP-Z2-9]{8}");
        String far = redeem(RIDER, elsewhere, "r-2").then().statusCode(201).extract().jsonPath().getString("code");
        assertThat(balance(rider)).isEqualTo(20);
        admin(A).get("/api/t/" + A + "/points/rewards").then().body("items.find { it.code == 'r-home' }.stock",
                equalTo(4)).body("items.find { it.code == 'r-home' }.reserved", equalTo(1));

        // another township's admin, a wrong code, another station's reward: nothing handed over
        admin(B).body(Map.of("code", code)).post("/api/t/" + B + "/points/redemptions/handover").then()
                .statusCode(404);
        as(KEEPER).body(Map.of("code", "ABCDEFGH")).post("/api/t/" + A + "/points/redemptions/handover").then()
                .statusCode(404);
        as(KEEPER).body(Map.of("code", far)).post("/api/t/" + A + "/points/redemptions/handover").then()
                .statusCode(403);
        as(KEEPER).body(Map.of("code", "\u0000" + code)).post("/api/t/" + A + "/points/redemptions/handover").then()
                .statusCode(400);
        // the keeper sees their station's redemptions only
        as(KEEPER).get("/api/t/" + A + "/points/redemptions").then().statusCode(200).body("total", equalTo(1));

        as(KEEPER).body(Map.of("code", code.substring(0, 4) + "-" + code.substring(4).toLowerCase()))
                .post("/api/t/" + A + "/points/redemptions/handover").then().statusCode(200)
                .body("status", equalTo("handed_over")).body("rider.name", equalTo(A + " 骑手"))
                .body("rider.phone", equalTo("138****0001")).body("rewardName", equalTo("骑行雨衣"));
        as(KEEPER).body(Map.of("code", code)).post("/api/t/" + A + "/points/redemptions/handover").then()
                .statusCode(409).body("detail", containsString("已经领取"));
        admin(A).body(Map.of("code", far)).post("/api/t/" + A + "/points/redemptions/handover").then().statusCode(200);
        assertThat(balance(rider)).isEqualTo(20);
        as(RIDER).get("/api/t/" + A + "/points/redemptions/mine").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("handed_over")));
        ledgerAddsUp();
    }

    @Test
    void cancellingOrNotCollectingInTimeReturnsThePointsAndTheItem() {
        long reward = stationWithReward("back", KEEPER, 30, 2);
        long rider = riderId(A, RIDER);
        give(rider, 60);
        long first = redeem(RIDER, reward, "c-1").then().statusCode(201).extract().jsonPath().getLong("id");
        // another rider cannot cancel it
        as(RIDERS.get(1)).post("/api/t/" + A + "/points/redemptions/" + first + "/cancel").then().statusCode(404);
        as(RIDER).post("/api/t/" + A + "/points/redemptions/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        as(RIDER).post("/api/t/" + A + "/points/redemptions/" + first + "/cancel").then().statusCode(409);
        assertThat(balance(rider)).isEqualTo(60);
        assertThat(Db.count("select stock from points_reward where id = " + reward)).isEqualTo(2);

        String code = redeem(RIDER, reward, "c-2").then().statusCode(201).extract().jsonPath().getString("code");
        Db.strings("update points_redemption set expires_at = now() - interval '1 minute' where tenant_id = '" + A
                + "' and code = '" + code + "' returning id");
        as(KEEPER).body(Map.of("code", code)).post("/api/t/" + A + "/points/redemptions/handover").then()
                .statusCode(409).body("detail", containsString("过领取期限"));
        sweep.sweep(A);
        assertThat(Db.strings("select status from points_redemption where code = '" + code + "'"))
                .containsExactly("expired");
        assertThat(balance(rider)).isEqualTo(60);
        assertThat(Db.count("select stock from points_reward where id = " + reward)).isEqualTo(2);
        sweep.sweep(A);
        assertThat(balance(rider)).isEqualTo(60);
        as(RIDER).get("/api/t/" + A + "/points/me/entries").then().body("items[0].kind", equalTo("refund"))
                .body("items[0].reason", equalTo("骑行雨衣"));
        ledgerAddsUp();
    }

    @Test
    void standingsRankTheMonthsEarnersInTheTownshipAndTheirSquads() {
        rule(A, "manual", 100, null, null, false);
        long squad1 = admin(A).body(Map.of("name", "一队")).post("/api/t/" + A + "/squads").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long squad2 = admin(A).body(Map.of("name", "二队")).post("/api/t/" + A + "/squads").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        int[] points = {40, 70, 70, 10};
        for (int i = 0; i < points.length; i++) {
            long id = riderId(A, RIDERS.get(i));
            Db.strings("update rider set squad_id = " + (i < 2 ? squad1 : squad2) + " where id = " + id + " returning id");
            award(TestTenants.admin(A), id, "manual", points[i], "s-" + i).then().statusCode(201);
        }
        admin(A).get("/api/t/" + A + "/points/leaderboard").then().statusCode(200)
                .body("rank", equalTo(List.of(1, 1, 3, 4))).body("points", equalTo(List.of(70, 70, 40, 10)))
                .body("[2].name", equalTo(A + " 骑手2")).body("[2].squad", equalTo("一队"));
        as(RIDERS.get(0)).queryParam("squad", squad1).get("/api/t/" + A + "/points/leaderboard").then()
                .statusCode(200).body("name", equalTo(List.of(A + " 骑手3", A + " 骑手2")));
        as(RIDERS.get(0)).get("/api/t/" + A + "/points/leaderboard/squads").then().statusCode(200)
                .body("name", equalTo(List.of("一队", "二队"))).body("points", equalTo(List.of(110, 80)));
        as(RIDERS.get(0)).get("/api/t/" + A + "/points/me").then().statusCode(200).body("rank", equalTo(3))
                .body("ranked", equalTo(4)).body("squad", equalTo("一队")).body("squadRank", equalTo(2))
                .body("squadRanked", equalTo(2)).body("balance", equalTo(40));
        as(RIDERS.get(9)).get("/api/t/" + A + "/points/me").then().statusCode(200).body("rank", nullValue())
                .body("balance", equalTo(0));
        admin(A).queryParam("month", "2026-13").get("/api/t/" + A + "/points/leaderboard").then().statusCode(400);
        admin(A).queryParam("squad", 999_999_999L).get("/api/t/" + A + "/points/leaderboard").then().statusCode(404);
        admin(A).queryParam("month", "2020-01").get("/api/t/" + A + "/points/leaderboard").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void regionalComparisonCountsPointsIssuedAndRedeemed() {
        long reward = stationWithReward("fig", KEEPER, 30, 5);
        long rider = riderId(A, RIDER);
        give(rider, 100);
        String code = redeem(RIDER, reward, "fig-1").then().statusCode(201).extract().jsonPath().getString("code");
        as(KEEPER).body(Map.of("code", code)).post("/api/t/" + A + "/points/redemptions/handover").then().statusCode(200);
        redeem(RIDER, reward, "fig-2").then().statusCode(201);
        refresher.refreshPending();
        String viewer = A + "-viewer";
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("subject", viewer, "regionPath", "测试省/测试市/" + A + "县", "role", "region_viewer"))
                .put("/api/platform/region-grants").then().statusCode(200);
        var comparison = given().auth().oauth2(Tokens.of(viewer)).queryParam("region", "测试省/测试市/" + A + "县")
                .queryParam("period", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())
                .get("/api/regions/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(comparison.getList("figures.section")).contains("points");
        Map<String, Object> values = ComparisonJson.values(comparison, A);
        assertThat(((Number) values.get("points.issued")).intValue()).isEqualTo(100);
        // one reward handed over; the other, still waiting to be collected, is not redeemed yet
        assertThat(((Number) values.get("points.redeemed")).intValue()).isEqualTo(30);
        assertThat(((Number) values.get("points.rewardsHandedOver")).intValue()).isEqualTo(1);
    }
}
