package cn.fengxing.report;

import cn.fengxing.support.Db;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static cn.fengxing.support.Reports.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** A township's report figures: closure rate, medians, overdue share and satisfaction over its calendar days. */
@QuarkusTest
class ReportFiguresTest {

    static final String T = "fg-a";
    static final String FIGURES = "/api/t/" + T + "/reports/figures";
    static final String ADMIN = TestTenants.admin(T);

    @BeforeEach
    void township() {
        TestTenants.onboard(T, 119.5, 31.5);
    }

    /** A report filed at {@code filed} (Shanghai time) with the given further columns (see {@link Reports#filedAt}). */
    static long filedAt(String filed, String assignments) {
        return Reports.filedAt(T, "road-damage", 119.5, 31.5, filed, assignments);
    }

    @Test
    void figuresOfAMonthCountTheTownshipsDaysAndEachReportAsItStandsNow() {
        // on time: first dispatched after 6 minutes (reassigned after 30), resolved after a day, rated 5
        long onTime = filedAt("2024-03-05 10:00", "state = 'closed_fixed', dispatched_at = filed + interval '30 minutes', "
                + "resolved_at = filed + interval '24 hours', closed_at = filed + interval '30 hours', "
                + "verified = true, rating = 5");
        Db.strings("insert into report_event (tenant_id, report_id, at, actor, action) values ('" + T + "', " + onTime
                + ", timestamptz '2024-03-05 10:06+08', 'someone', 'dispatch') returning id");
        // dispatched late (20 minutes), resolved after two days, rated 3
        filedAt("2024-03-10 09:00", "state = 'closed_fixed', dispatched_at = filed + interval '20 minutes', "
                + "resolved_at = filed + interval '48 hours', closed_at = filed + interval '50 hours', "
                + "verified = true, rating = 3");
        // resolved late (100 hours), closed without a verdict
        filedAt("2024-03-15 14:00", "state = 'closed_fixed', dispatched_at = filed + interval '8 minutes', "
                + "resolved_at = filed + interval '100 hours', closed_at = filed + interval '300 hours'");
        // rejected within 5 minutes: concluded, on time, never dispatched or resolved
        filedAt("2024-03-20 08:00", "state = 'rejected', closed_at = filed + interval '5 minutes'");
        // filed on the township's last evening of March (15:30 UTC), never dispatched: still open, overdue
        filedAt("2024-03-31 23:30", "");
        // 1 April 00:30 in Shanghai is still 31 March in UTC: not in the township's March
        filedAt("2024-04-01 00:30", "state = 'closed_fixed', closed_at = filed + interval '1 hour', rating = 1");
        // the day before March
        filedAt("2024-02-29 23:59", "state = 'rejected', closed_at = filed");

        JsonPath march = as(ADMIN).queryParam("from", "2024-03-01").queryParam("to", "2024-03-31").get(FIGURES)
                .then().statusCode(200).extract().jsonPath();
        assertThat(march.getString("from")).isEqualTo("2024-03-01");
        assertThat(march.getString("to")).isEqualTo("2024-03-31");
        assertThat(march.getLong("reports")).isEqualTo(5);
        assertThat(march.getLong("closed")).isEqualTo(4);
        assertThat(march.getDouble("closureRate")).isCloseTo(0.8, within(1e-9));
        assertThat(march.getDouble("medianDispatchMinutes")).isCloseTo(8.0, within(1e-6)); // of 6, 20, 8
        assertThat(march.getDouble("medianResolveHours")).isCloseTo(48.0, within(1e-6)); // of 24, 48, 100
        assertThat(march.getDouble("overdueShare")).isCloseTo(0.6, within(1e-9)); // late dispatch, late fix, still open
        assertThat(march.getLong("rated")).isEqualTo(2);
        assertThat(march.getDouble("averageRating")).isCloseTo(4.0, within(1e-9));
        assertThat(march.getDouble("satisfiedShare")).isCloseTo(0.5, within(1e-9));

        // a dispatcher reads them too; a period with no reports has nothing to measure
        as(TestTenants.member(T, "dispatcher")).queryParam("from", "2023-01-01").queryParam("to", "2023-01-31")
                .get(FIGURES).then().statusCode(200)
                .body("reports", equalTo(0)).body("closed", equalTo(0)).body("closureRate", nullValue())
                .body("medianDispatchMinutes", nullValue()).body("overdueShare", nullValue())
                .body("rated", equalTo(0)).body("averageRating", nullValue()).body("satisfiedShare", nullValue());
    }

    @Test
    void theDefaultPeriodIsTheLast365DaysUpToTheTownshipsToday() {
        Db.strings("update report set created_at = created_at - interval '400 days' where tenant_id = '" + T
                + "' returning id"); // earlier tests' reports fall out of the period
        Reports.file(T, "garbage", 119.5, 31.5);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        as(ADMIN).get(FIGURES).then().statusCode(200)
                .body("to", equalTo(today.toString()))
                .body("from", equalTo(today.minusDays(364).toString()))
                .body("reports", equalTo(1)).body("closed", equalTo(0)).body("closureRate", equalTo(0.0f))
                .body("overdueShare", equalTo(0.0f)).body("medianDispatchMinutes", nullValue());
    }

    @Test
    void aBadPeriodIsAProblem() {
        as(ADMIN).queryParam("from", "2024-03-31").queryParam("to", "2024-03-01").get(FIGURES).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(ADMIN).queryParam("from", "2000-01-01").queryParam("to", "2024-01-01").get(FIGURES).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(ADMIN).queryParam("from", "2024-02-30").get(FIGURES).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", contains("from"));
        as(ADMIN).queryParam("to", "yesterday").get(FIGURES).then().statusCode(400)
                .body("errors.field", contains("to"));
        // handlers and riders work reports but do not read the township's figures
        as(TestTenants.member(T, "handler")).get(FIGURES).then().statusCode(403);
        as(TestTenants.member(T, "rider")).get(FIGURES).then().statusCode(403);
    }
}
