package cn.fengxing.region.service;

import cn.fengxing.support.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/README.md; run with {@code ./mvnw -B -Pbench -pl platform-api -am verify -Dexec.skip=true}):
 * 2,000 townships in one province, each with 365 days of counters, compared province-wide for a year through the
 * API, against the baseline of summing their day rows at read time. Generated reproducibly (fixed seed).
 */
@QuarkusTest
class RegionComparisonBench {

    static final String PROVINCE = "基准省";
    static final int CITIES = 10;
    static final int COUNTIES = 10;
    static final int PER_COUNTY = 20;
    static final int DAYS = 365;
    static final String VIEWER = "bench-viewer";
    static final int WARM_UP = 30;
    static final int RUNS = 200;
    /** The baseline takes seconds a run: fewer of them. */
    static final int BASELINE_WARM_UP = 1;
    static final int BASELINE_RUNS = 10;

    @Inject
    TownshipFigureRefresher refresher;

    @Test
    void provinceWideYearComparison() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long generated = System.nanoTime();
        List<String> codes = generate(today);
        double generateSeconds = (System.nanoTime() - generated) / 1e9;
        String year = Integer.toString(today.getYear());

        // lives through the whole measured run (test tokens otherwise expire after minutes)
        String token = Jwt.subject(VIEWER).preferredUserName(VIEWER).issuer("https://server.example.com")
                .audience("fengxing-api").expiresIn(Duration.ofHours(2)).jws().keyId("1").sign("privateKey.jwk");
        int rows = given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("period", year)
                .get("/api/regions/comparison").then().statusCode(200).extract().jsonPath().getList("rows").size();
        assertThat(rows).isEqualTo(codes.size());

        // a plain HTTP client reading the whole body, as a browser would (no JSON parsing on the client's side)
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/regions/comparison?region=" + URLEncoder.encode(PROVINCE, StandardCharsets.UTF_8) + "&period=" + year))
                .header("Authorization", "Bearer " + token).build();
        long[] bytes = new long[1];
        double[] api = time(WARM_UP, RUNS, () -> {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                bytes[0] = response.body().length;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> periods = List.of(year, Integer.toString(today.getYear() - 1), Integer.toString(today.getYear() - 1));
        double[] periodRows;
        double[] periodCounters;
        double[] dayRows;
        try (Connection c = Db.app(); Statement st = c.createStatement()) {
            st.execute("set application_name = 'bench'");
            String periodRead = """
                    select p.tenant_code, p.period, %s
                      from township_period p join tenant t on t.code = p.tenant_code join region r on r.id = t.region_id
                     where (r.path = ? or r.path like ?) and p.period in (?, ?, ?)""";
            periodRows = time(WARM_UP, RUNS, () -> query(c, periodRead.formatted("p.figures"),
                    PROVINCE, PROVINCE + "/%", periods.get(0), periods.get(1), periods.get(2)));
            // what the read was before values were stored: every counter of the rows
            periodCounters = time(WARM_UP, RUNS, () -> query(c, periodRead.formatted("cast(p.counters as text)"),
                    PROVINCE, PROVINCE + "/%", periods.get(0), periods.get(1), periods.get(2)));
            // the baseline: the same year's figures summed from the day rows on every read
            dayRows = time(BASELINE_WARM_UP, BASELINE_RUNS, () -> query(c, """
                    select d.tenant_code, c.key, sum(cast(c.value as bigint))
                      from township_day d join tenant t on t.code = d.tenant_code join region r on r.id = t.region_id,
                           jsonb_each_text(d.counters) c
                     where (r.path = ? or r.path like ?) and d.day between cast(? as date) and cast(? as date)
                     group by d.tenant_code, c.key""",
                    PROVINCE, PROVINCE + "/%", today.getYear() + "-01-01", today.getYear() + "-12-31"));
        }
        String report = """
                # Regional comparison benchmark — %s

                Machine: %d cores, %s, JDK %s; PostgreSQL %s (embedded, default settings).
                Data: %d townships in 1 province (%d cities × %d counties × %d), %d days of counters each
                (%,d day rows, %,d period rows); generated in %.0f s.

                | what (province-wide, year %s) | runs | p50 ms | p95 ms | max ms |
                |---|---|---|---|---|
                | API `GET /api/regions/comparison` (HTTP, %,d bytes of JSON: every figure, 环比 and 同比) | %d | %.1f | %.1f | %.1f |
                | its read: the figure values of the period rows (JDBC) | %d | %.1f | %.1f | %.1f |
                | the same rows' counters instead of their values (JDBC) | %d | %.1f | %.1f | %.1f |
                | baseline: summing the year's day rows at read time (JDBC, one period only) | %d | %.1f | %.1f | %.1f |
                """.formatted(today, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), System.getProperty("java.version"), Db.strings("show server_version").get(0),
                codes.size(), CITIES, COUNTIES, PER_COUNTY, DAYS,
                Db.count("select count(*) from township_day d where d.tenant_code like 'bench-%'"),
                Db.count("select count(*) from township_period p where p.tenant_code like 'bench-%'"), generateSeconds, year,
                bytes[0], RUNS, pct(api, 50), pct(api, 95), pct(api, 100),
                RUNS, pct(periodRows, 50), pct(periodRows, 95), pct(periodRows, 100),
                RUNS, pct(periodCounters, 50), pct(periodCounters, 95), pct(periodCounters, 100),
                BASELINE_RUNS, pct(dayRows, 50), pct(dayRows, 95), pct(dayRows, 100));
        Path out = Path.of("target/bench/region-comparison.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Regions, townships, their day counters (fixed seed) and their periods, rolled up as the refresher does. */
    private List<String> generate(LocalDate today) throws Exception {
        try (Connection c = Db.superuser(); Statement st = c.createStatement()) {
            st.execute("select setseed(0.42)");
            st.execute("insert into region (path, name, level) values ('" + PROVINCE + "', '" + PROVINCE + "', 1)");
            st.execute("""
                    insert into region (path, name, level, parent_id)
                    select '%1$s/' || c || '市', c || '市', 2, (select id from region where path = '%1$s')
                      from generate_series(1, %2$d) c""".formatted(PROVINCE, CITIES));
            st.execute("""
                    insert into region (path, name, level, parent_id)
                    select r.path || '/' || k || '县', k || '县', 3, r.id
                      from region r, generate_series(1, %d) k where r.level = 2 and r.path like '%s/%%'"""
                    .formatted(COUNTIES, PROVINCE));
            st.execute("""
                    insert into tenant (code, name, region_id, settings)
                    select 'bench-' || lpad((row_number() over (order by r.path, n))::text, 4, '0'),
                           r.name || '第' || n || '镇', r.id,
                           jsonb_build_object('map', jsonb_build_object('center',
                               jsonb_build_array(110 + random() * 4, 35 + random() * 4)))
                      from region r, generate_series(1, %d) n where r.level = 3 and r.path like '%s/%%'"""
                    .formatted(PER_COUNTY, PROVINCE));
            st.execute("insert into region_grant (subject, region_path, role) values ('" + VIEWER + "', '" + PROVINCE
                    + "', 'region_viewer')");
            // a township's day: a handful of reports with their outcomes, buckets and groups, riders, stations, visits
            st.execute("""
                    insert into township_day (tenant_code, day, counters)
                    select t.code, d.day, jsonb_strip_nulls(jsonb_build_object(
                             'reports', r.n, 'reports.closed', r.closed, 'reports.dispatched', r.n,
                             'reports.dispatchedInTime', r.closed, 'reports.overdue', r.n - r.closed,
                             'reports.rated', r.closed, 'reports.ratingSum', r.closed * 4, 'reports.satisfied', r.closed,
                             'reports.group.municipal', r.n - r.n / 2, 'reports.group.environment', r.n / 2,
                             'reports.dispatchMinutes.' || (3 + floor(random() * 8)::int), r.n,
                             'reports.resolveHours.' || (5 + floor(random() * 8)::int), r.closed,
                             'riders.enrolled', floor(random() * 3)::int, 'riders.active', 20 + floor(random() * 60)::int,
                             'stations.station', case when random() < 0.02 then 1 end,
                             'stations.grade1', case when random() < 0.01 then 1 end,
                             'stations.visits', floor(random() * 12)::int,
                             'passes.issued', case when random() < 0.1 then 1 end,
                             'merchants.partners', case when random() < 0.01 then 1 end,
                             'merchants.discountUses', floor(random() * 6)::int))
                      from tenant t
                      cross join generate_series(current_date - %d, current_date - 1, interval '1 day') g
                      cross join lateral (select cast(g as date) as day) d
                      cross join lateral (select n, greatest(n - floor(random() * 2)::int, 0) as closed
                                            from (select floor(random() * 6)::int + (t.code <> '') :: int as n) x) r
                     where t.code like 'bench-%%'""".formatted(DAYS));
        }
        List<String> codes = Db.strings("select code from tenant where code like 'bench-%' order by code");
        for (String code : codes) {
            QuarkusTransaction.requiringNew().run(() -> refresher.rollUp(code, today.minusDays(DAYS), today));
        }
        return codes;
    }

    private static void query(Connection c, String sql, String... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(3);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] time(int warmUp, int runs, Runnable run) {
        for (int i = 0; i < warmUp; i++) {
            run.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
