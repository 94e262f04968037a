package cn.fengxing.region;

import cn.fengxing.admin.ManifestLoader;
import cn.fengxing.region.service.DurationBuckets;
import cn.fengxing.region.service.TownshipFigureRefresher;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The read model of regional comparison equals a direct computation from the township's own tables (its report
 * figures, computed in SQL on every read, and counts of its rows), for generated histories: 宁乡镇's demo year, and a
 * township in another time zone whose reports are filed around midnight; again after a report changes state on a
 * later day and after test data is deleted.
 */
@QuarkusTest
class TownshipFiguresTest {

    static final String NX = "fig-nx";
    static final String KOL = "fig-kol";
    static final String REGION = "读模型省";
    static final String NX_ADMIN = "00000000-0000-4000-8000-000000000101";
    static final String VIEWER = "fig-viewer";

    @Inject
    TownshipFigureRefresher refresher;

    @Test
    void theReadModelEqualsTheTownshipsOwnFigures() throws Exception {
        ObjectNode nx = new ManifestLoader().load(Path.of("../deploy/demo/tenants/ningxiang.yaml"));
        nx.put("code", NX);
        nx.set("region", new ObjectMapper().valueToTree(List.of(REGION, "甲市", "甲县")));
        apply(NX, nx);
        Map<String, Object> kol = new HashMap<>(TestTenants.manifest(KOL, 77.2, 28.6));
        kol.put("timeZone", "Asia/Kolkata");
        kol.put("region", List.of(REGION, "乙市"));
        kol.put("reportHistory", history(KOL, new Random(8)));
        apply(KOL, new ObjectMapper().valueToTree(kol));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("subject", VIEWER, "regionPath", REGION, "role", "region_viewer"))
                .put("/api/platform/region-grants").then().statusCode(200);

        refresher.refreshPending();
        assertEqualsDirect(NX, NX_ADMIN, ZoneId.of("Asia/Shanghai"));
        assertEqualsDirect(KOL, TestTenants.admin(KOL), ZoneId.of("Asia/Kolkata"));
        // the article's figures come through the read model
        Map<String, Object> year = ComparisonJson.values(period(NX, LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + ""), NX);
        assertThat(((Number) year.get("passes.friendlyCommunities")).intValue()).isEqualTo(25);

        // a report filed long ago is rejected today: its filing day changes, the figures follow on the next pass
        long open = Long.parseLong(Db.strings("select id from report where tenant_id = '" + KOL
                + "' and state = 'submitted' order by created_at limit 1").get(0));
        given().auth().oauth2(Tokens.of(TestTenants.member(KOL, "dispatcher"))).contentType(ContentType.JSON)
                .body(Map.of("reason", "不属于本辖区")).post("/api/t/" + KOL + "/dispatch/reports/" + open + "/reject")
                .then().statusCode(200);
        assertThat(Db.count("select count(distinct day) from township_day_dirty where tenant_code = '" + KOL + "'")).isEqualTo(1);
        refresher.refreshPending();
        assertEqualsDirect(KOL, TestTenants.admin(KOL), ZoneId.of("Asia/Kolkata"));

        // test data deleted: the days it was on count without it
        try (Connection c = Db.superuser(); Statement st = c.createStatement()) {
            String some = "(select id from report where tenant_id = '" + KOL + "' order by id limit 15)";
            st.executeUpdate("delete from report_event where report_id in " + some);
            st.executeUpdate("delete from report_photo where report_id in " + some);
            st.executeUpdate("delete from report where id in " + some);
        }
        refresher.refreshPending();
        assertEqualsDirect(KOL, TestTenants.admin(KOL), ZoneId.of("Asia/Kolkata"));
        assertThat(Db.count("select count(*) from township_day_dirty where tenant_code in ('" + NX + "', '" + KOL + "')"))
                .isZero();

        // values stored by a release with other figures: read the same, valued from their counters, until the next
        // pass stores them again
        String thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "";
        List<Object> rows = period(NX, thisYear).getList("rows");
        String ours = "tenant_code in ('" + NX + "', '" + KOL + "')";
        try (Connection c = Db.superuser(); Statement st = c.createStatement()) {
            st.executeUpdate("update township_period set figures = null, figure_set = 'older' where " + ours);
        }
        assertThat(period(NX, thisYear).getList("rows")).isEqualTo(rows);
        refresher.refreshPending();
        assertThat(Db.count("select count(*) from township_period where " + ours + " and (figures is null or figure_set = 'older')"))
                .isZero();
        assertThat(period(NX, thisYear).getList("rows")).isEqualTo(rows);
    }

    /** Every month of the last 14, each quarter and each year: the comparison's figures equal the township's own. */
    private void assertEqualsDirect(String code, String admin, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        List<String[]> periods = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            YearMonth m = YearMonth.from(today).minusMonths(i);
            periods.add(new String[] {m.toString(), m.atDay(1).toString(), m.atEndOfMonth().toString()});
        }
        for (int y = today.getYear() - 1; y <= today.getYear(); y++) {
            periods.add(new String[] {y + "", y + "-01-01", y + "-12-31"});
            periods.add(new String[] {y + "-Q3", y + "-07-01", y + "-09-30"});
        }
        for (String[] p : periods) {
            Map<String, Object> v = ComparisonJson.values(period(code, p[0]), code);
            JsonPath direct = given().auth().oauth2(Tokens.of(admin)).queryParam("from", p[1]).queryParam("to", p[2])
                    .get("/api/t/" + code + "/reports/figures").then().statusCode(200).extract().jsonPath();
            String at = code + " " + p[0];
            assertThat(number(v, "reports")).as(at).isEqualTo(direct.getDouble("reports"));
            assertRounded(at, number(v, "reports.closureRate"), nullable(direct, "closureRate"));
            assertRounded(at, number(v, "reports.overdueShare"), nullable(direct, "overdueShare"));
            assertRounded(at, number(v, "reports.satisfaction"), nullable(direct, "satisfiedShare"));
            assertRounded(at, number(v, "reports.averageRating"), nullable(direct, "averageRating"));
            // medians merged from fixed buckets: exact to the bucket holding them
            assertClose(at, number(v, "reports.medianDispatchMinutes"), nullable(direct, "medianDispatchMinutes"),
                    DurationBuckets.DISPATCH_MINUTES);
            assertClose(at, number(v, "reports.medianResolveHours"), nullable(direct, "medianResolveHours"),
                    DurationBuckets.RESOLVE_HOURS);
        }
        // riders on the roster at the end of this year: every one enrolled and not gone
        Map<String, Object> year = ComparisonJson.values(period(code, today.getYear() + ""), code);
        assertThat(number(year, "riders.enrolled")).isEqualTo((double) Db.count("select count(*) from rider where tenant_id = '"
                + code + "' and status <> 'left' and claims_rider_id is null"));
        assertThat(number(year, "stations.station") + number(year, "stations.e_station") + number(year, "stations.fuel_point")
                + number(year, "stations.workers_home"))
                .isEqualTo((double) Db.count("select count(*) from station where tenant_id = '" + code + "' and active"));
    }

    /** Equal as the comparison states them: to 4 decimals. */
    private static void assertRounded(String at, Double rounded, Double exact) {
        if (exact == null) {
            assertThat(rounded).as(at).isNull();
        } else {
            assertThat(rounded).as(at).isCloseTo(exact, within(0.00005 + 1e-12));
        }
    }

    private static void assertClose(String at, Double merged, Double exact, DurationBuckets buckets) {
        if (exact == null) {
            assertThat(merged).as(at).isNull();
            return;
        }
        // each middle value is placed inside its bucket; for an even count the upper middle one is at most twice the
        // median, a bucket or two above it (edges grow at most 2.2-fold), so its bucket is at most ~2.2 times as wide
        assertThat(merged).as(at).isCloseTo(exact, within(2.5 * buckets.width(exact)));
    }

    private static JsonPath period(String code, String period) {
        return given().auth().oauth2(Tokens.of(VIEWER)).queryParam("region", REGION).queryParam("period", period)
                .get("/api/regions/comparison").then().statusCode(200).extract().jsonPath();
    }

    private static Double number(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static Double nullable(JsonPath json, String key) {
        Object v = json.get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static void apply(String code, Object manifest) {
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest.toString())
                .put("/api/platform/tenants/" + code).then().log().ifValidationFails().statusCode(200);
    }

    /** 120 reports over 400 days, filed around midnight: some waiting, some dispatched, most resolved and rated. */
    static List<Map<String, Object>> history(String t, Random random) {
        String dispatcher = TestTenants.member(t, "dispatcher");
        String handler = TestTenants.member(t, "handler");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int hour = random.nextBoolean() ? 23 : 0;
            String time = String.format("%02d:%02d", hour, random.nextInt(60));
            List<Map<String, Object>> steps = new ArrayList<>();
            int fate = random.nextInt(10);
            if (fate > 0) {
                int dispatch = 1 + random.nextInt(fate > 7 ? 300 : 15);
                steps.add(Map.of("action", "dispatch", "minutes", dispatch, "by", dispatcher, "handler", handler));
                if (fate > 1) {
                    int accept = dispatch + 5 + random.nextInt(60);
                    int resolve = accept + 30 + random.nextInt(fate > 6 ? 9000 : 1500);
                    steps.add(Map.of("action", "accept", "minutes", accept, "by", handler));
                    steps.add(Map.of("action", "resolve", "minutes", resolve, "by", handler, "note", "已处理"));
                    if (fate > 3) {
                        steps.add(Map.of("action", "verify_fixed", "minutes", resolve + 60 + random.nextInt(600),
                                "rating", 1 + random.nextInt(5)));
                    }
                }
            }
            Map<String, Object> e = new HashMap<>(Map.of("code", "k-" + i, "category", random.nextBoolean() ? "garbage" : "street-light",
                    "description", "测试上报 " + i, "lon", 77.2, "lat", 28.6, "rider", "13800000001",
                    "daysAgo", 8 + random.nextInt(400), "time", time));
            e.put("steps", steps);
            out.add(e);
        }
        return out;
    }
}
