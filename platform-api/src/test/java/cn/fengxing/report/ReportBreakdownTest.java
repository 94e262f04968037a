package cn.fengxing.report;

import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.fengxing.support.Reports.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;

/** A township's reports of a period by category, community and grid, by name, counted like its figures. */
@QuarkusTest
class ReportBreakdownTest {

    static final String T = "bd-a";
    static final String BREAKDOWN = "/api/t/" + T + "/reports/breakdown";
    static final String ADMIN = TestTenants.admin(T);

    static boolean filed;

    /** Once the API is up (not in @BeforeAll, which runs before it starts). */
    @BeforeEach
    void reportsOfJune2023() {
        if (filed) {
            return;
        }
        filed = true;
        TestTenants.onboard(T, 119.7, 31.7);
        // closed on time, in 一社区's 第一网格
        filedAt("road-damage", "2023-06-02 10:00", "c1", "g1", "state = 'closed_fixed', "
                + "dispatched_at = filed + interval '6 minutes', resolved_at = filed + interval '24 hours', "
                + "closed_at = filed + interval '30 hours'");
        // still open, never dispatched: overdue; in 一社区's 第一微网格
        filedAt("road-damage", "2023-06-10 09:00", "c1", "g1-m1", "");
        // rejected within 5 minutes, in 二社区 outside any grid
        filedAt("road-damage", "2023-06-20 08:00", "c2", null, "state = 'rejected', closed_at = filed + interval '5 minutes'");
        // resolved late, placed nowhere
        filedAt("garbage", "2023-06-30 20:00", null, null, "state = 'closed_fixed', "
                + "dispatched_at = filed + interval '5 minutes', resolved_at = filed + interval '100 hours', "
                + "closed_at = filed + interval '101 hours'");
        // 1 July in the township: another month
        filedAt("garbage", "2023-07-01 00:30", "c1", "g1", "");
    }

    /** A report of the township filed at {@code filed} in the community and grid of these codes (null: none). */
    static void filedAt(String category, String filed, String community, String grid, String assignments) {
        String place = "community_id = " + idOf("community", community) + ", grid_id = " + idOf("grid", grid);
        Reports.filedAt(T, category, 119.7, 31.7, filed, assignments.isEmpty() ? place : place + ", " + assignments);
    }

    private static String idOf(String table, String code) {
        return code == null ? "null" : "(select id from " + table + " where tenant_id = '" + T + "' and code = '" + code + "')";
    }

    static JsonPath june(String by, String language) {
        return as(ADMIN).header("Accept-Language", language).queryParam("from", "2023-06-01")
                .queryParam("to", "2023-06-30").queryParam("by", by).get(BREAKDOWN)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void byCategoryNamedInTheCallersLanguageMostReportsFirst() {
        JsonPath zh = june("category", "zh-CN");
        assertThat(zh.getString("from")).isEqualTo("2023-06-01");
        assertThat(zh.getString("by")).isEqualTo("category");
        assertThat(zh.getList("rows.name")).containsExactly("道路破损", "垃圾");
        assertThat(zh.getList("rows.reports", Integer.class)).containsExactly(3, 1);
        assertThat(zh.getList("rows.closed", Integer.class)).containsExactly(2, 1);
        assertThat(zh.getDouble("rows[0].closureRate")).isCloseTo(2.0 / 3, within(1e-6)); // read as a float
        assertThat(zh.getList("rows.overdue", Integer.class)).containsExactly(1, 1);
        assertThat(zh.getDouble("rows[1].overdueShare")).isCloseTo(1.0, within(1e-9));
        assertThat(june("category", "en").getList("rows.name")).containsExactly("Road damage", "Garbage");
    }

    @Test
    void byCommunityAndGridWithTheUnplacedReportsInARowWithoutAName() {
        List<Map<String, Object>> communities = june("community", "zh-CN").getList("rows");
        assertThat(communities).extracting(r -> r.get("name")).containsExactly("一社区", "二社区", null);
        assertThat(communities).extracting(r -> r.get("reports")).containsExactly(2, 1, 1);
        assertThat(communities).extracting(r -> r.get("closed")).containsExactly(1, 1, 1);
        assertThat(communities).extracting(r -> r.get("overdue")).containsExactly(1, 0, 1);

        JsonPath grids = june("grid", "zh-CN");
        assertThat(grids.getList("rows.name")).containsExactlyInAnyOrder(null, "第一网格", "第一微网格");
        assertThat(grids.getString("rows[0].name")).isNull(); // 二社区's rejected report and the unplaced one
        assertThat(grids.getInt("rows[0].reports")).isEqualTo(2);
        assertThat(grids.getInt("rows.find { it.name == '第一微网格' }.overdue")).isEqualTo(1);
        assertThat(grids.getDouble("rows.find { it.name == '第一网格' }.closureRate")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void onlyTheTownshipsDispatchersAndAdminsAskForAKnownBreakdown() {
        as(TestTenants.member(T, "dispatcher")).queryParam("by", "grid").get(BREAKDOWN).then().statusCode(200);
        as(TestTenants.member(T, "handler")).queryParam("by", "grid").get(BREAKDOWN).then().statusCode(403);
        as(TestTenants.member(T, "rider")).queryParam("by", "grid").get(BREAKDOWN).then().statusCode(403);
        // another township's admin
        TestTenants.onboard("bd-b", 119.9, 31.9);
        as(TestTenants.admin("bd-b")).queryParam("by", "grid").get(BREAKDOWN).then().statusCode(403);

        as(ADMIN).queryParam("by", "street").get(BREAKDOWN).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", contains("by"));
        as(ADMIN).get(BREAKDOWN).then().statusCode(400).body("errors.field", contains("by"));
        as(ADMIN).queryParam("by", "grid").queryParam("from", "2023-02-30").get(BREAKDOWN).then().statusCode(400)
                .body("errors.field", contains("from"));
    }
}
