package cn.fengxing.pairing;

import cn.fengxing.support.Db;
import cn.fengxing.support.Photos;
import cn.fengxing.support.Race;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static cn.fengxing.pairing.PairingTownships.as;
import static cn.fengxing.pairing.PairingTownships.audits;
import static cn.fengxing.pairing.PairingTownships.createElder;
import static cn.fengxing.pairing.PairingTownships.elder;
import static cn.fengxing.pairing.PairingTownships.handler2;
import static cn.fengxing.pairing.PairingTownships.riderId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Care pairing 捎带手: elders masked in every list and whole only in an audited reveal, scoped to the communities a
 * grid worker looks after, pairings one elder to one rider at a time (also when two race), the rider's own elders
 * with nothing but what a rider needs, the alert rule's settings, townships kept apart.
 */
@QuarkusTest
class PairingApiTest {

    static final String A = "pair-a";
    static final String B = "pair-b";
    static final String ADMIN = TestTenants.admin(A);
    static final String HANDLER = TestTenants.member(A, "handler");
    static final String RIDER = TestTenants.member(A, "rider");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @BeforeEach
    void townships() {
        PairingTownships.onboard(A, 118.0, 30.0);
        PairingTownships.onboard(B, 118.5, 30.0);
    }

    static String elders(String tenant) {
        return "/api/t/" + tenant + "/pairing/elders";
    }

    static long pair(long elder, long rider, LocalDate start) {
        return as(ADMIN).body(Map.of("elderId", elder, "riderId", rider, "startOn", start.toString()))
                .post("/api/t/" + A + "/pairing/pairings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void visit(long pairing, long elder, long rider, LocalDate day, String outcome, String requestId) {
        Db.count("with v as (insert into pairing_visit (tenant_id, pairing_id, elder_id, rider_id, outcome, day, "
                + "visited_at, request_id) values ('" + A + "', " + pairing + ", " + elder + ", " + rider + ", '"
                + outcome + "', '" + day + "', '" + day + "T10:00:00+08:00', '" + requestId + "') returning 1) "
                + "select count(*) from v");
    }

    @Test
    void listsAreMaskedAndEachRevealIsAudited() {
        long id = createElder(A, ADMIN, elder("c1", "王", "秀兰", "13812345678"));
        String list = as(ADMIN).get(elders(A)).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].name", equalTo("王**")).body("items[0].address", equalTo("月坛西街3号…"))
                .body("items[0].phoneMasked", equalTo("138****5678")).body("items[0].hasFamilyContact", equalTo(true))
                .body("items[0].community.code", equalTo("c1")).body("items[0].community.name", equalTo("一社区"))
                .body("items[0].landmark", equalTo("楼下有红色信报箱")).body("items[0].pairing", nullValue())
                .body("items[0].openAlert", equalTo(false)).body("items[0].active", equalTo(true))
                .extract().asString();
        String one = as(ADMIN).get(elders(A) + "/" + id).then().statusCode(200).extract().asString();
        for (String json : List.of(list, one)) {
            assertThat(json).doesNotContain("秀兰", "13812345678", "月坛西街3号院2号楼1单元101", "李明辉",
                    "13987654321", "腿脚不便");
        }
        long before = audits(A, "pairing.elder.reveal");
        for (String subject : List.of(ADMIN, HANDLER)) {
            as(subject).post(elders(A) + "/" + id + "/reveal").then().statusCode(200)
                    .body("familyName", equalTo("王")).body("givenName", equalTo("秀兰"))
                    .body("address", equalTo("月坛西街3号院2号楼1单元101")).body("phone", equalTo("13812345678"))
                    .body("familyContactName", equalTo("李明辉")).body("familyContactPhone", equalTo("13987654321"))
                    .body("notes", equalTo("腿脚不便，敲门稍等")).body("lon", equalTo(116.35f))
                    .body("community.code", equalTo("c1"));
        }
        assertThat(audits(A, "pairing.elder.reveal")).isEqualTo(before + 2);
        assertThat(Db.strings("select actor || ' ' || target from audit_log where tenant_code = '" + A
                + "' and action = 'pairing.elder.reveal' order by id desc limit 1")).containsExactly(HANDLER + " " + id);
    }

    @Test
    void gridWorkersSeeAndChangeOnlyTheirCommunitiesElders() {
        long c1 = createElder(A, ADMIN, elder("c1", "王", "秀兰", "13812345678"));
        long c2 = createElder(A, handler2(A), elder("c2", "李", "桂英", "010-6852-1001"));
        // a grid worker lists their own community's elders only; another community's elder is not there (404)
        as(HANDLER).get(elders(A)).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) c1));
        as(handler2(A)).get(elders(A)).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].phoneMasked", equalTo("010****1001"));
        as(ADMIN).queryParam("community", "c2").get(elders(A)).then().body("total", equalTo(1));
        as(HANDLER).queryParam("community", "c2").get(elders(A)).then().body("total", equalTo(0));
        for (String path : List.of("", "/reveal")) {
            var call = as(handler2(A));
            (path.isEmpty() ? call.get(elders(A) + "/" + c1) : call.post(elders(A) + "/" + c1 + path)).then()
                    .statusCode(404).contentType("application/problem+json");
        }
        as(handler2(A)).body(elder("c2", "王", "秀兰", null)).put(elders(A) + "/" + c1).then().statusCode(404);
        as(HANDLER).body(elder("c2", "张", "德明", null)).post(elders(A)).then().statusCode(400)
                .body("errors.field", hasItem("community"));
        // moving an elder into a community the worker does not look after is refused too
        as(HANDLER).body(elder("c2", "王", "秀兰", null)).put(elders(A) + "/" + c1).then().statusCode(400);
        // the dispatcher, the station keeper and riders have no access to elders
        for (String role : List.of("dispatcher", "station_keeper", "rider")) {
            String subject = TestTenants.member(A, role);
            as(subject).get(elders(A)).then().statusCode(403);
            as(subject).post(elders(A) + "/" + c1 + "/reveal").then().statusCode(403);
            as(subject).get("/api/t/" + A + "/pairing/pairings").then().statusCode(403);
        }
        as(HANDLER).get("/api/t/" + A + "/pairing/settings").then().statusCode(403);
        // another township's admin and elder ids: 404 (the elder does not exist there)
        as(TestTenants.admin(B)).get(elders(B) + "/" + c1).then().statusCode(404);
        as(TestTenants.admin(B)).post(elders(B) + "/" + c1 + "/reveal").then().statusCode(404);
        as(TestTenants.admin(B)).get(elders(B)).then().body("total", equalTo(0));
        as(ADMIN).get(elders(B)).then().statusCode(403);
    }

    @Test
    void badInputIsAProblemNotAnError() {
        Map<String, Object> good = elder("c1", "王", "秀兰", "010-6852-1001");
        createElder(A, ADMIN, good);
        List<Map.Entry<String, Object>> bad = List.of(Map.entry("givenName", "秀\u0000兰"),
                Map.entry("givenName", "秀\u0007兰"), Map.entry("address", "x".repeat(201)),
                Map.entry("familyName", "王".repeat(21)), Map.entry("phone", "12345"),
                Map.entry("phone", "010-6852-1001-1234567"), Map.entry("familyContactPhone", "=1+1"),
                Map.entry("lon", 200.0), Map.entry("lat", -91.0), Map.entry("community", "c9"),
                Map.entry("notes", "n".repeat(501)), Map.entry("givenName", " "), Map.entry("landmark", "\u202e反"));
        for (Map.Entry<String, Object> e : bad) {
            Map<String, Object> body = new java.util.HashMap<>(good);
            body.put(e.getKey(), e.getValue());
            as(ADMIN).body(body).post(elders(A)).then().statusCode(400).contentType("application/problem+json");
        }
        Map<String, Object> half = new java.util.HashMap<>(good);
        half.put("lat", null);
        as(ADMIN).body(half).post(elders(A)).then().statusCode(400).body("errors.field", hasItem("lat"));
        as(ADMIN).contentType("application/json").body("{\"community\":").post(elders(A)).then().statusCode(400);
        assertThat(Db.count("select count(*) from elder where tenant_id = '" + A + "'")).isEqualTo(1);
    }

    @Test
    void anElderAndARiderArePairedOnceAtATime() {
        long e1 = createElder(A, ADMIN, elder("c1", "王", "秀兰", null));
        long e2 = createElder(A, ADMIN, elder("c1", "李", "桂英", null));
        long r0 = riderId(A, RIDER);
        long r1 = riderId(A, A + "-r1");
        LocalDate today = LocalDate.now(ZONE);
        long p = pair(e1, r0, today);
        String pairings = "/api/t/" + A + "/pairing/pairings";
        as(ADMIN).body(Map.of("elderId", e1, "riderId", r1, "startOn", today.plusDays(3).toString())).post(pairings)
                .then().statusCode(409).contentType("application/problem+json");
        as(ADMIN).body(Map.of("elderId", e2, "riderId", r0, "startOn", today.toString())).post(pairings)
                .then().statusCode(409);
        // a rider of another township, or none: 400 on riderId; an elder of another community's worker: 404
        long stranger = riderId(B, TestTenants.member(B, "rider"));
        as(ADMIN).body(Map.of("elderId", e2, "riderId", stranger, "startOn", today.toString())).post(pairings)
                .then().statusCode(400).body("errors.field", hasItem("riderId"));
        as(handler2(A)).body(Map.of("elderId", e2, "riderId", r1, "startOn", today.toString())).post(pairings)
                .then().statusCode(404);
        as(ADMIN).body(Map.of("elderId", e2, "riderId", r1, "startOn", today.minusDays(1).toString())).post(pairings)
                .then().statusCode(400).body("errors.field", hasItem("startOn"));
        as(HANDLER).get(pairings).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].elder.name", equalTo("王**")).body("items[0].rider.id", equalTo((int) r0))
                .body("items[0].rider.name", equalTo(A + " 骑手")).body("items[0].streak", equalTo(0));
        as(handler2(A)).get(pairings).then().body("total", equalTo(0));
        as(ADMIN).get(elders(A) + "/" + e1).then().body("pairing.id", equalTo((int) p))
                .body("pairing.riderName", equalTo(A + " 骑手"));
        // ended today, the elder can be paired again from tomorrow on; ending twice is a conflict
        as(ADMIN).body(Map.of("endOn", today.minusDays(1).toString())).post(pairings + "/" + p + "/end").then()
                .statusCode(400);
        as(ADMIN).body(Map.of("endOn", today.toString())).post(pairings + "/" + p + "/end").then().statusCode(200)
                .body("endOn", equalTo(today.toString()));
        as(ADMIN).body(Map.of("endOn", today.toString())).post(pairings + "/" + p + "/end").then().statusCode(409);
        as(ADMIN).body(Map.of("elderId", e1, "riderId", r1, "startOn", today.toString())).post(pairings)
                .then().statusCode(409);
        pair(e1, r1, today.plusDays(1));
        as(ADMIN).queryParam("active", "true").get(pairings).then().body("total", equalTo(2));
        as(ADMIN).queryParam("active", "maybe").get(pairings).then().statusCode(400);
        // an inactive elder has no pairing after today and cannot be paired
        as(ADMIN).body(Map.of("reason", "已随子女搬走")).post(elders(A) + "/" + e1 + "/deactivate").then()
                .statusCode(200).body("active", equalTo(false));
        assertThat(Db.count("select count(*) from pairing where tenant_id = '" + A + "' and elder_id = " + e1)).isEqualTo(1);
        as(ADMIN).body(Map.of("reason", "x")).post(elders(A) + "/" + e1 + "/deactivate").then().statusCode(409);
        as(ADMIN).body(Map.of("elderId", e1, "riderId", r1, "startOn", today.plusDays(2).toString())).post(pairings)
                .then().statusCode(400).body("errors.field", hasItem("elderId"));
        assertThat(audits(A, "pairing.elder.deactivate")).isPositive();
    }

    @Test
    void twoPairingsRacingForOneElderLandOnce() throws Exception {
        long e = createElder(A, ADMIN, elder("c1", "王", "秀兰", null));
        LocalDate today = LocalDate.now(ZONE);
        List<Callable<Integer>> calls = List.of(A + "-r1", A + "-r2", RIDER).stream()
                .map(s -> (Callable<Integer>) () -> as(ADMIN)
                        .body(Map.of("elderId", e, "riderId", riderId(A, s), "startOn", today.toString()))
                        .post("/api/t/" + A + "/pairing/pairings").then().extract().statusCode()).toList();
        assertThat(Race.run(calls)).containsExactlyInAnyOrder(201, 409, 409);
        assertThat(Db.count("select count(*) from pairing where tenant_id = '" + A + "'")).isEqualTo(1);
    }

    @Test
    void thePairingsListCountsAnomalousDaysInARowAMissedDayIncluded() throws Exception {
        long e = createElder(A, ADMIN, elder("c1", "王", "秀兰", null));
        long rider = riderId(A, RIDER);
        LocalDate today = LocalDate.now(ZONE);
        long p = pair(e, rider, today);
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.execute("update pairing set start_on = '" + today.minusDays(4) + "' where id = " + p);
        }
        visit(p, e, rider, today.minusDays(4), "ok", "s-1");
        visit(p, e, rider, today.minusDays(3), "ok", "s-2");
        visit(p, e, rider, today.minusDays(3), "no_answer", "s-3");
        // two days back: no look-in at all, which counts as a sign too
        visit(p, e, rider, today.minusDays(1), "garbage_not_out", "s-4");
        String pairings = "/api/t/" + A + "/pairing/pairings";
        as(HANDLER).get(pairings).then().body("items[0].streak", equalTo(3))
                .body("items[0].lastVisit.outcome", equalTo("garbage_not_out"));
        visit(p, e, rider, today, "needs_help", "s-5");
        as(HANDLER).get(pairings).then().body("items[0].streak", equalTo(4));
        visit(p, e, rider, today, "ok", "s-6");
        as(HANDLER).get(pairings).then().body("items[0].streak", equalTo(0));
    }

    @Test
    void twoPairingsRacingForOneRiderLandOnce() throws Exception {
        List<Long> elders = List.of(createElder(A, ADMIN, elder("c1", "王", "秀兰", null)),
                createElder(A, ADMIN, elder("c1", "李", "桂英", null)));
        long rider = riderId(A, RIDER);
        LocalDate today = LocalDate.now(ZONE);
        List<Callable<Integer>> calls = elders.stream().map(e -> (Callable<Integer>) () -> as(ADMIN)
                .body(Map.of("elderId", e, "riderId", rider, "startOn", today.toString()))
                .post("/api/t/" + A + "/pairing/pairings").then().extract().statusCode()).toList();
        assertThat(Race.run(calls)).containsExactlyInAnyOrder(201, 409);
    }

    @Test
    void aRiderSeesTheirElderWithNothingButWhatTheyNeed() {
        long e = createElder(A, ADMIN, elder("c1", "王", "秀兰", "13812345678"));
        long other = createElder(A, ADMIN, elder("c2", "李", "桂英", null));
        long rider = riderId(A, RIDER);
        LocalDate today = LocalDate.now(ZONE);
        long p = pair(e, rider, today);
        pair(other, riderId(A, A + "-r1"), today);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        visit(p, e, rider, today, "no_answer", "req-1");
        visit(p, e, rider, today, "ok", "req-2");
        String mine = "/api/t/" + A + "/pairing/mine";
        String json = as(RIDER).get(mine).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].pairingId", equalTo((int) p)).body("[0].elderId", equalTo((int) e))
                .body("[0].givenName", equalTo("秀兰")).body("[0].address", equalTo("月坛西街3号院2号楼1单元101"))
                .body("[0].landmark", equalTo("楼下有红色信报箱")).body("[0].communityName", equalTo("一社区"))
                .body("[0].visitsThisWeek", equalTo(1)).body("[0].today", equalTo("ok"))
                .body("[0].lastVisit.day", equalTo(today.toString())).body("[0].lastVisit.outcome", equalTo("ok"))
                .body("[0].doorPhoto", nullValue()).extract().asString();
        assertThat(as(RIDER).get(mine).then().extract().jsonPath().getMap("[0]").keySet())
                .containsExactlyInAnyOrder("pairingId", "elderId", "givenName", "address", "landmark", "doorPhoto",
                        "lon", "lat", "communityName", "visitsThisWeek", "lastVisit", "today");
        assertThat(json).doesNotContain("王", "13812345678", "李明辉", "13987654321", "腿脚不便", "桂英");
        assertThat(monday).isBeforeOrEqualTo(today);
        // a rider without a pairing has none; staff are no riders here
        as(A + "-r2").get(mine).then().statusCode(200).body("size()", equalTo(0));
        as(ADMIN).get(mine).then().statusCode(403);
        as(HANDLER).get(mine).then().statusCode(403);
        // the console's list reads the same look-in
        as(ADMIN).get(elders(A) + "/" + e).then().body("lastVisit.outcome", equalTo("ok"));
    }

    @Test
    void theDoorPhotoIsForStaffAndThePairedRider() {
        long e = createElder(A, ADMIN, elder("c1", "王", "秀兰", null));
        String photo = elders(A) + "/" + e + "/door-photo";
        given().auth().oauth2(Tokens.of(HANDLER)).multiPart("photo", "door.jpg", Photos.jpegWithGps(800, 600, 118.0, 30.0), "image/jpeg")
                .put(photo).then().statusCode(200).body("doorPhoto", startsWith(photo + "?v="));
        given().auth().oauth2(Tokens.of(HANDLER)).multiPart("photo", "door.txt", "not a photo".getBytes(), "image/jpeg")
                .put(photo).then().statusCode(400);
        given().auth().oauth2(Tokens.of(handler2(A))).multiPart("photo", "door.jpg", Photos.jpeg(100, 100), "image/jpeg")
                .put(photo).then().statusCode(404);
        byte[] stored = as(ADMIN).get(photo).then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(Photos.metadata(stored)).noneMatch(m -> m.toLowerCase().contains("gps"));
        as(ADMIN).queryParam("size", "thumb").get(photo).then().statusCode(200);
        as(RIDER).get(photo).then().statusCode(404);
        as(handler2(A)).get(photo).then().statusCode(404);
        pair(e, riderId(A, RIDER), LocalDate.now(ZONE));
        as(RIDER).get(photo).then().statusCode(200);
        as(A + "-r1").get(photo).then().statusCode(404);
        as(RIDER).get("/api/t/" + A + "/pairing/mine").then().body("[0].doorPhoto", startsWith(photo));
        as(TestTenants.member(A, "dispatcher")).get(photo).then().statusCode(403);
    }

    @Test
    void theAlertRuleHasDefaultsAndOnlyTheAdminSetsIt() {
        String settings = "/api/t/" + A + "/pairing/settings";
        as(ADMIN).get(settings).then().statusCode(200).body("streakDays", equalTo(3)).body("followUpMinutes", equalTo(120));
        long before = audits(A, "pairing.settings");
        as(ADMIN).body(Map.of("streakDays", 5, "followUpMinutes", 60)).put(settings).then().statusCode(200)
                .body("streakDays", equalTo(5));
        as(ADMIN).body(Map.of("streakDays", 4, "followUpMinutes", 45)).put(settings).then().statusCode(200);
        as(ADMIN).get(settings).then().body("streakDays", equalTo(4)).body("followUpMinutes", equalTo(45));
        assertThat(audits(A, "pairing.settings")).isEqualTo(before + 2);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("streakDays", 0, "followUpMinutes", 60),
                Map.of("streakDays", 15, "followUpMinutes", 60), Map.of("streakDays", 3, "followUpMinutes", 0),
                Map.of("streakDays", 3, "followUpMinutes", 10081), Map.<String, Object>of("streakDays", 3))) {
            as(ADMIN).body(bad).put(settings).then().statusCode(400);
        }
        as(HANDLER).body(Map.of("streakDays", 5, "followUpMinutes", 60)).put(settings).then().statusCode(403);
        as(TestTenants.admin(B)).get("/api/t/" + B + "/pairing/settings").then().body("streakDays", equalTo(3));
    }
}
