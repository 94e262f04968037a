package cn.fengxing.report;

import cn.fengxing.report.service.ReportSweep;
import cn.fengxing.support.Db;
import cn.fengxing.support.EventStream;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static cn.fengxing.support.Reports.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Overdue reports escalate to the tenant admin once, urgent ones at once; unverified fixes close on their own. */
@QuarkusTest
class ReportDeadlinesTest {

    static final String T = "dl-a";
    static final double LON = 118.5;
    static final double LAT = 29.5;
    static final String DISPATCHER = TestTenants.member(T, "dispatcher");
    static final String HANDLER = TestTenants.member(T, "handler");
    static final String ADMIN = TestTenants.admin(T);

    @Inject
    ReportSweep sweep;

    @BeforeEach
    void township() {
        TestTenants.onboard(T, LON, LAT);
    }

    static long file(String category) {
        return Reports.file(T, category, LON, LAT);
    }

    static String base(long id) {
        return "/api/t/" + T + "/dispatch/reports/" + id;
    }

    static void dispatch(long id) {
        as(DISPATCHER).contentType(ContentType.JSON).body(Map.of("kind", "handler", "subject", HANDLER))
                .post(base(id) + "/dispatch").then().statusCode(200);
    }

    static void accept(long id) {
        as(HANDLER).post(base(id) + "/accept").then().statusCode(200);
    }

    static void resolve(long id) {
        dispatch(id);
        accept(id);
        as(HANDLER).multiPart("note", "已处置").post(base(id) + "/resolve").then().statusCode(200);
    }

    /** Sets columns of a report directly (deadlines and times in the past), bypassing the API. */
    static void set(long id, String assignments) {
        Db.strings("update report set " + assignments + " where id = " + id + " returning id");
    }

    /** How many timeline steps of each action the report has. */
    static Map<String, Long> steps(long id) {
        return Db.strings("select action from report_event where report_id = " + id).stream()
                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    }

    @Test
    void twoInstancesSweepingAtOnceEscalateAndCloseEachReportExactlyOnce() throws Exception {
        List<Long> late = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long id = file("road-damage");
            set(id, "dispatch_due = now() - interval '1 minute'");
            late.add(id);
        }
        long onTime = file("road-damage");
        long slowFix = file("street-light");
        dispatch(slowFix);
        accept(slowFix);
        set(slowFix, "resolve_due = now() - interval '1 minute'");
        long unverified = file("garbage");
        resolve(unverified);
        set(unverified, "resolved_at = now() - interval '8 days'"); // the township's default: 7 days

        // two API instances run their pass at the same moment, three times each
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<?>> passes = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            passes.add(instances.submit(() -> {
                for (int pass = 0; pass < 3; pass++) {
                    together.await();
                    sweep.sweep(T);
                }
                return null;
            }));
        }
        for (Future<?> pass : passes) {
            pass.get();
        }
        instances.shutdown();

        for (long id : late) {
            assertThat(steps(id)).as("report %d", id).containsEntry("escalate_dispatch", 1L)
                    .doesNotContainKey("escalate_resolve");
        }
        assertThat(steps(onTime)).containsOnlyKeys("submit");
        assertThat(steps(slowFix)).containsEntry("escalate_resolve", 1L).doesNotContainKey("escalate_dispatch");
        assertThat(steps(unverified)).containsEntry("auto_close", 1L).doesNotContainKeys("escalate_dispatch",
                "escalate_resolve");

        // the tenant admin sees what escalated
        JsonPath escalated = as(ADMIN).queryParam("escalated", true).queryParam("size", 200)
                .get("/api/t/" + T + "/dispatch/queue").then().statusCode(200).extract().jsonPath();
        List<Long> ids = escalated.getList("items.id", Long.class);
        assertThat(ids).containsAll(late).contains(slowFix).doesNotContain(onTime, unverified);
        assertThat(escalated.getList("items.escalated", Boolean.class)).containsOnly(true);
        as(ADMIN).queryParam("escalated", false).queryParam("size", 200).get("/api/t/" + T + "/dispatch/queue")
                .then().statusCode(200).body("items.id", hasItem((int) onTime))
                .body("items.id", not(hasItem(late.get(0).intValue())));
        as(ADMIN).get("/api/t/" + T + "/reports/" + late.get(0)).then().statusCode(200)
                .body("escalated", equalTo(true))
                .body("timeline[-1].action", equalTo("escalate_dispatch"))
                .body("timeline[-1].actorName", nullValue())
                .body("timeline[-1].details.due", org.hamcrest.Matchers.notNullValue());
        as(ADMIN).get("/api/t/" + T + "/reports/" + onTime).then().statusCode(200).body("escalated", equalTo(false));

        // closed as fixed without a verdict from the rider
        as(ADMIN).get("/api/t/" + T + "/reports/" + unverified).then().statusCode(200)
                .body("state", equalTo("closed_fixed"))
                .body("verified", nullValue())
                .body("closedAt", org.hamcrest.Matchers.notNullValue())
                .body("timeline[-1].action", equalTo("auto_close"))
                .body("timeline[-1].toState", equalTo("closed_fixed"))
                .body("timeline[-1].feedback", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void urgentReportsEscalateAtOnceAndOnlyOnce() {
        // filed urgent: a gas leak is an urgent category
        Response filed = Reports.submission(TestTenants.member(T, "rider"), null, "gas-leak", LON, LAT)
                .post("/api/t/" + T + "/reports");
        filed.then().statusCode(201).body("urgent", equalTo(true)).body("escalated", equalTo(true));
        long gas = filed.jsonPath().getLong("id");
        assertThat(filed.jsonPath().getList("timeline.action")).containsExactly("submit", "escalate_dispatch");

        // marked urgent by the dispatcher while waiting for dispatch
        long pothole = file("road-damage");
        as(DISPATCHER).post(base(pothole) + "/urgent").then().statusCode(200)
                .body("escalated", equalTo(true))
                .body("timeline.action", equalTo(List.of("submit", "urgent", "escalate_dispatch")));

        // marked urgent while being handled: the resolution escalates
        long light = file("street-light");
        dispatch(light);
        as(DISPATCHER).post(base(light) + "/urgent").then().statusCode(200)
                .body("escalated", equalTo(true))
                .body("timeline.action", equalTo(List.of("submit", "dispatch", "urgent", "escalate_resolve")));

        // dispatching an urgent report does not escalate it again, and neither does the sweep
        dispatch(gas);
        sweep.sweep(T);
        assertThat(steps(gas)).containsEntry("escalate_dispatch", 1L).doesNotContainKey("escalate_resolve");
        assertThat(steps(pothole)).containsEntry("escalate_dispatch", 1L).doesNotContainKey("escalate_resolve");
        assertThat(steps(light)).containsEntry("escalate_resolve", 1L).doesNotContainKey("escalate_dispatch");
    }

    @Test
    void autoCloseWaitsForTheCategorysDays() {
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("dispatchMinutes", 10, "resolveHours", 72,
                        "autoCloseDays", 7, "overrides", List.of(Map.of("category", "street-light", "autoCloseDays", 2))))
                .put("/api/t/" + T + "/report-settings/sla").then().statusCode(200);
        long light = file("street-light");
        long road = file("road-damage");
        long verified = file("street-light");
        for (long id : List.of(light, road, verified)) {
            resolve(id);
            set(id, "resolved_at = now() - interval '3 days'");
        }
        // a rider's verdict (here: not fixed) takes the report out of auto-close
        as(TestTenants.member(T, "rider")).multiPart("fixed", "false")
                .post("/api/t/" + T + "/reports/" + verified + "/verification").then().statusCode(200);

        sweep.sweep(T);
        assertThat(Db.strings("select state || ' ' || coalesce(verified::text, '-') from report where id = " + light))
                .containsExactly("closed_fixed -");
        assertThat(Db.strings("select state from report where id = " + road)).containsExactly("resolved");
        assertThat(Db.strings("select state from report where id = " + verified)).containsExactly("reopened");
        assertThat(Db.strings("select details ->> 'days' from report_event where action = 'auto_close' and report_id = "
                + light)).containsExactly("2");
    }

    @Test
    void theScheduledPassCoversActiveTownshipsOnly() {
        String suspended = "dl-s";
        TestTenants.onboard(suspended, LON + 1, LAT);
        long here = file("road-damage");
        long there = Reports.file(suspended, "road-damage", LON + 1, LAT);
        for (long id : List.of(here, there)) {
            set(id, "dispatch_due = now() - interval '1 minute'");
        }
        String platform = "/api/platform/tenants/" + suspended;
        as(Tokens.OPERATOR).post(platform + "/suspend").then().statusCode(200);
        try {
            sweep.sweepAll();
        } finally {
            as(Tokens.OPERATOR).post(platform + "/resume").then().statusCode(200);
        }
        assertThat(steps(here)).containsEntry("escalate_dispatch", 1L);
        assertThat(steps(there)).doesNotContainKey("escalate_dispatch");
    }

    @Test
    void escalationsAndAutoClosesAreAnnouncedOnTheLiveStream() {
        long id = file("road-damage");
        set(id, "dispatch_due = now() - interval '1 minute'");
        try (EventStream admin = EventStream.open(ADMIN, "/api/t/" + T + "/dispatch/stream")) {
            assertThat(admin.nextComment(Duration.ofSeconds(5))).isEqualTo("subscribed");
            sweep.sweep(T);
            EventStream.Event event = admin.next(i -> i.event() != null
                    && JsonPath.from(i.event().data()).getLong("id") == id, Duration.ofSeconds(5)).event();
            assertThat(JsonPath.from(event.data()).getString("action")).isEqualTo("escalate_dispatch");
            assertThat(JsonPath.from(event.data()).getString("state")).isEqualTo("submitted");
        }
    }
}
