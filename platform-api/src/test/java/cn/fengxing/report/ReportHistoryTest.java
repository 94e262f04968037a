package cn.fengxing.report;

import cn.fengxing.admin.ManifestLoader;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Manifest section reportHistory: 宁乡镇's demo history (loaded as the operators' CLI loads it) reads the article's
 * 197 reports, 193 closed, inside the figures' default year, and re-applying changes nothing; bad entries are refused
 * by field before anything is imported.
 */
@QuarkusTest
class ReportHistoryTest {

    static final String NX = "history-nx";
    static final String DISPATCHER = "00000000-0000-4000-8000-000000000201";
    static final String DEMO_RIDER = "00000000-0000-4000-8000-000000000204";

    static ObjectNode ningxiang() {
        ObjectNode manifest = new ManifestLoader().load(Path.of("../deploy/demo/tenants/ningxiang.yaml"));
        manifest.put("code", NX);
        return manifest;
    }

    static io.restassured.response.ValidatableResponse apply(String code, Object manifest) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest.toString())
                .put("/api/platform/tenants/" + code).then().log().ifValidationFails();
    }

    static long count(String where) {
        return Db.count("select count(*) from report where tenant_id = '" + NX + "' and " + where);
    }

    @Test
    void ningxiangsDemoHistoryReads197Reports193ClosedWithinTheLastYear() {
        ObjectNode manifest = ningxiang();
        apply(NX, manifest).statusCode(200).body("changes", org.hamcrest.Matchers.hasItem("+ 197 reports of history"));

        assertThat(count("source = 'import'")).isEqualTo(197);
        assertThat(count("state in ('closed_fixed', 'closed_not_fixed', 'rejected', 'duplicate')")).isEqualTo(193);
        assertThat(Db.strings("select state || ' ' || count(*) from report where tenant_id = '" + NX
                + "' group by state order by state")).containsExactly("closed_fixed 180", "closed_not_fixed 3",
                "dispatched 2", "duplicate 4", "in_progress 2", "rejected 6");
        // the figures' default window: the last 365 days up to today
        assertThat(count("created_at > now() - interval '365 days' and created_at < now()")).isEqualTo(197);
        // placed in their grids, on the SLA clock, dispatched within minutes (a few late), rated mostly 4–5
        assertThat(count("grid_id is not null and community_id is not null")).isEqualTo(197);
        assertThat(count("dispatch_due = created_at + interval '10 minutes' and resolve_due = created_at + interval '72 hours'")).isEqualTo(197);
        assertThat(count("dispatched_at <= dispatch_due") * 100).isGreaterThan(count("dispatched_at is not null") * 85);
        assertThat(count("dispatched_at > dispatch_due")).isGreaterThan(0);
        assertThat(count("rating >= 4") * 10).isGreaterThan(count("rating is not null") * 8);
        assertThat(count("state = 'closed_fixed' and verified is null")).isEqualTo(12); // closed by the auto-close days
        assertThat(count("state = 'duplicate' and duplicate_of is not null")).isEqualTo(4);
        assertThat(count("assignee_kind = 'department'")).isGreaterThan(20);
        // each timeline starts with the filing and runs forward, in the past
        assertThat(Db.count("select count(*) from report r where tenant_id = '" + NX + "' and ((select min(at) from"
                + " report_event e where e.report_id = r.id) <> r.created_at or (select max(at) from report_event e"
                + " where e.report_id = r.id) <> r.updated_at or r.updated_at > now())")).isZero();
        assertThat(Db.count("select count(*) from report_event e join report r on r.id = e.report_id where r.tenant_id = '"
                + NX + "' and e.action = 'submit'")).isEqualTo(197);
        assertThat(Db.strings("select actor_name from report_event e join report r on r.id = e.report_id where"
                + " r.tenant_id = '" + NX + "' and r.import_code = 'nx-0001' order by e.at, e.id")).containsExactly("梁勇强", "宁乡镇值守专员",
                "宁乡镇值守专员", "宁乡镇值守专员", "梁勇强");

        // the dispatcher's queue holds the four open ones; the demo rider follows their own
        given().auth().oauth2(Tokens.of(DISPATCHER)).queryParam("state", "submitted", "dispatched", "in_progress", "reopened")
                .get("/api/t/" + NX + "/dispatch/queue").then().statusCode(200).body("total", equalTo(4));
        long demoRiders = count("reporter_subject = '" + DEMO_RIDER + "'");
        assertThat(demoRiders).isPositive();
        given().auth().oauth2(Tokens.of(DEMO_RIDER)).get("/api/t/" + NX + "/reports/mine").then().statusCode(200)
                .body("total", equalTo((int) demoRiders));

        // again: nothing changes; an entry edited or left out is neither updated nor deleted
        apply(NX, manifest).statusCode(200).body("outcome", equalTo("unchanged"));
        ArrayNode history = (ArrayNode) manifest.get("reportHistory");
        ((ObjectNode) history.get(0)).put("description", "改过的描述");
        history.remove(1);
        apply(NX, manifest).statusCode(200).body("outcome", equalTo("unchanged"));
        assertThat(count("source = 'import'")).isEqualTo(197);
        assertThat(count("import_code = 'nx-0001' and description = '改过的描述'")).isZero();
    }

    @Test
    void badEntriesAreRefusedByFieldAndNothingIsImported() {
        String t = "history-bad";
        TestTenants.onboard(t, 118.0, 30.0);
        String dispatcher = TestTenants.member(t, "dispatcher");
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(t, 118.0, 30.0));
        Map<String, Object> good = entry("ok-1", "garbage", 20, List.of(
                Map.of("action", "dispatch", "minutes", 5, "by", dispatcher, "handler", TestTenants.member(t, "handler")),
                Map.of("action", "accept", "minutes", 30, "by", TestTenants.member(t, "handler"))));
        manifest.put("reportHistory", List.of(good,
                entry("bad-category", "no-such-category", 20, List.of()),
                entry("bad-flow", "garbage", 20, List.of(Map.of("action", "resolve", "minutes", 5, "by", dispatcher))),
                entry("bad-future", "garbage", 0, List.of(Map.of("action", "reject", "minutes", 5 * 1440, "by", dispatcher,
                        "note", "不属于本镇")))));
        apply(t, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(manifest)).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("reportHistory[1].category",
                        "reportHistory[2].steps[0].action", "reportHistory[3].steps[0].minutes"));
        assertThat(Db.count("select count(*) from report where tenant_id = '" + t + "'")).isZero();

        manifest.put("reportHistory", List.of(good,
                entry("bad-by", "garbage", 20, List.of(Map.of("action", "reject", "minutes", 5, "by", "stranger"))),
                entry("bad-duplicate", "garbage", 20, List.of(Map.of("action", "mark_duplicate", "minutes", 5,
                        "by", dispatcher, "of", "later"))),
                entry("ok-1", "garbage", 20, List.of())));
        apply(t, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(manifest)).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("reportHistory[1].steps[0].by",
                        "reportHistory[2].steps[0].of", "reportHistory[3].code"));

        manifest.put("reportHistory", List.of(good));
        apply(t, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(manifest)).statusCode(200);
        assertThat(Db.strings("select state || ' ' || source || ' ' || assignee_kind from report where tenant_id = '"
                + t + "'")).containsExactly("in_progress import handler");
        given().auth().oauth2(Tokens.of(dispatcher)).get("/api/t/" + t + "/dispatch/queue").then().statusCode(200)
                .body("items", hasSize(1));
    }

    static Map<String, Object> entry(String code, String category, int daysAgo, List<Map<String, Object>> steps) {
        return Map.of("code", code, "category", category, "description", "垃圾堆放", "lon", 118.0, "lat", 30.0,
                "rider", "13800000001", "daysAgo", daysAgo, "time", "09:30", "steps", steps);
    }
}
