package cn.fengxing.report.service;

import cn.fengxing.dispatch.service.DispatchService;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/README.md): the duty desk's queue, its filters, a rider's "my reports" and the report figures of
 * a township with 1,000,000 reports, among 10,000,000 in all (system property bench.reports), over HTTP as the roles
 * that call them, beside the SQL of each alone and the query shape before this work, with the plan of each.
 * Reports are generated in SQL with a fixed seed, as a year of filings whose states follow their age.
 */
@QuarkusTest
class ReportQueueBench {

    static final String T = "bench-queue";
    static final int BIG = 1_000_000;
    static final long TOTAL = Long.getLong("bench.reports", 10_000_000L);
    static final int OTHERS = 9;
    static final int RIDERS = 2_000;
    static final int HANDLERS = 20;
    static final int COMMUNITIES = 8;
    static final int GRIDS = 40;
    /** Each township's year is written in this many slices, the townships' slices interleaved, as filings come. */
    static final int SLICES = 40;
    static final int WARM_UP = 30;
    static final int RUNS = 200;
    /** Figures aggregate the year at read time: fewer runs. */
    static final int SLOW_RUNS = 5;
    static final double GOAL_MS = 20;
    static final String OPEN = Arrays.stream(ReportState.values()).filter(ReportState.OPEN::contains)
            .map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    static final String CLOSED = ReportState.CLOSED.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));

    /** One measured call: its API path and caller, its SQL (the page's and its count's) and the SQL before. */
    record Call(String name, String path, String subject, List<String> sql, List<String> before, int runs,
                boolean goal) {
    }

    record Figures(double p50, double p95, double p99) {
        static Figures of(double[] ms) {
            Arrays.sort(ms);
            return new Figures(pct(ms, 50), pct(ms, 95), pct(ms, 99));
        }
    }

    @Test
    void queueOfAMillionReports() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        String started = LocalDateTime.now(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        long seedStart = System.nanoTime();
        List<String> townships = new ArrayList<>(List.of(T));
        for (int i = 1; i <= OTHERS; i++) {
            townships.add("bench-queue-" + i);
        }
        for (int i = 0; i < townships.size(); i++) {
            onboard(townships.get(i), 110 + i * 0.5, 30);
        }
        long others = Math.max(0, TOTAL - BIG);
        Map<String, Long> sizes = new HashMap<>();
        for (String t : townships) {
            sizes.put(t, t.equals(T) ? BIG : others / OTHERS);
        }
        seed(townships, sizes);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long reports = Db.count("select count(*) from report");
        long inTownship = Db.count("select count(*) from report where tenant_id = '" + T + "'");

        String dispatcher = TestTenants.member(T, "dispatcher");
        String handler = TestTenants.member(T, "handler");
        String rider = TestTenants.member(T, "rider");
        long municipal = Db.count("select id from report_category where tenant_id = '" + T + "' and code = 'municipal'");
        String municipalIds = String.join(", ", Db.strings("select id from report_category where tenant_id = '" + T
                + "' and (id = " + municipal + " or parent_id = " + municipal + ") order by id"));
        long garbage = Db.count("select id from report_category where tenant_id = '" + T + "' and code = 'garbage'");
        long c3 = Db.count("select id from community where tenant_id = '" + T + "' and code = 'c3'");

        String q = "/api/t/" + T + "/dispatch/queue?size=20";
        List<Call> calls = List.of(
                queue("desk, first page (open states, the desk's default)", q + open("&"), dispatcher,
                        "state in (" + OPEN + ")", 0),
                queue("desk, page 50 (open states)", q + open("&") + "&page=49", dispatcher,
                        "state in (" + OPEN + ")", 49 * 20),
                queue("all reports, first page", q, dispatcher, "true", 0),
                queue("all reports, page 50", q + "&page=49", dispatcher, "true", 49 * 20),
                queue("state=submitted", q + "&state=submitted", dispatcher, "state = 'submitted'", 0),
                queue("state=closed_fixed, page 50", q + "&state=closed_fixed&page=49", dispatcher,
                        "state = 'closed_fixed'", 49 * 20),
                queue("category group (municipal, 5 codes)", q + "&category=municipal", dispatcher,
                        "category_id in (" + municipalIds + ")", 0),
                queue("category garbage, page 50", q + "&category=garbage&page=49", dispatcher,
                        "category_id in (" + garbage + ")", 49 * 20),
                queue("community c3", q + "&community=c3", dispatcher, "community_id = " + c3, 0),
                queue("community c3, page 50", q + "&community=c3&page=49", dispatcher, "community_id = " + c3,
                        49 * 20),
                queue("urgent=true", q + "&urgent=true", dispatcher, "urgent = true", 0),
                queue("escalated=true", q + "&escalated=true", dispatcher,
                        "(escalated_dispatch_at is not null or escalated_resolve_at is not null)", 0),
                queue("open and escalated (the admin's view)", q + open("&") + "&escalated=true", dispatcher,
                        "state in (" + OPEN + ") and (escalated_dispatch_at is not null or escalated_resolve_at is not null)", 0),
                queue("mine=true (a handler's list)", q + "&mine=true", handler,
                        "assignee_subject = '" + handler + "'", 0),
                mine(rider),
                figures(zone),
                breakdown(zone));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        StringBuilder table = new StringBuilder();
        StringBuilder plans = new StringBuilder();
        List<String> failures = new ArrayList<>();
        try (Connection c = Db.app()) {
            try (PreparedStatement st = c.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
                st.setString(1, T);
                st.execute();
            }
            for (Call call : calls) {
                String token = Tokens.of(call.subject());
                double[] api = new double[call.runs()];
                for (int i = call.goal() ? -WARM_UP : -1; i < call.runs(); i++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + call.path()))
                            .header("Authorization", "Bearer " + token).GET().build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - start) / 1e6;
                    assertThat(response.statusCode()).as(call.name() + ": " + response.body()).isEqualTo(200);
                    if (i >= 0) {
                        api[i] = ms;
                    }
                }
                Figures apiFigures = Figures.of(api);
                Figures sql = Figures.of(time(c, call.sql(), call.runs()));
                Figures before = Figures.of(time(c, call.before(), Math.min(call.runs(), 50)));
                table.append("| %s | %d | %.1f | **%.1f** | %.1f | %.1f / %.1f | %.1f / %.1f |\n".formatted(call.name(),
                        call.runs(), apiFigures.p50(), apiFigures.p95(), apiFigures.p99(), sql.p50(), sql.p95(),
                        before.p50(), before.p95()));
                plans.append("#### ").append(call.name()).append("\n\n");
                for (String s : call.sql()) {
                    String plan = explain(c, s);
                    plans.append("```\n").append(s).append("\n\n").append(plan).append("```\n\n");
                    if (plan.contains("Seq Scan on report ")) {
                        failures.add(call.name() + ": a sequential scan of report");
                    }
                }
                if (call.goal() && apiFigures.p95() > GOAL_MS) {
                    failures.add("%s: p95 %.1f ms > %.0f ms".formatted(call.name(), apiFigures.p95(), GOAL_MS));
                }
                if (!call.goal()) {
                    failures.add("%s: p95 %.1f ms, aggregated at read time".formatted(call.name(), apiFigures.p95()));
                }
            }
        }

        String report = """
                ### Run of %s (China Standard Time)

                Machine: %d cores, %s, JDK %s; PostgreSQL %s (embedded, default settings); API in the test JVM.
                Data: %,d reports in %d townships, %,d in %s (%d riders, %d handlers, %d communities, %d grids each;
                a year of filings, states by age); generated and vacuumed in %.0f s.

                | what (township of %,d reports) | runs | API p50 ms | API p95 ms | API p99 ms | its SQL alone p50 / p95 (JDBC) | baseline: SQL before, p50 / p95 (JDBC) |
                |---|---|---|---|---|---|---|
                %s
                Not met or not measured against the goal:
                %s

                Plans (EXPLAIN (ANALYZE, BUFFERS), as the application role with the township set):

                %s""".formatted(started, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
                Db.strings("show server_version").get(0), reports, townships.size(), inTownship, T, RIDERS, HANDLERS,
                COMMUNITIES, GRIDS, seedSeconds, inTownship, table,
                failures.isEmpty() ? "- nothing\n" : failures.stream().map(f -> "- " + f + "\n").collect(Collectors.joining()),
                plans);
        Path out = Path.of("target/bench/report-queue.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(failures.stream().filter(f -> !f.contains("aggregated at read time"))).isEmpty();
    }

    private static String open(String sep) {
        return ReportState.OPEN.stream().map(s -> sep + "state=" + s).collect(Collectors.joining());
    }

    /**
     * A queue page: its SQL as Hibernate sends it (page, then the count up to the limit); before: the same page and
     * an exact count of every matching report, as the queue counted before.
     */
    private static Call queue(String name, String path, String subject, String filter, int offset) {
        String where = "tenant_id = '" + T + "' and " + filter;
        String page = "select * from report where " + where + " order by created_at desc, id desc offset " + offset
                + " limit 20";
        return new Call(name, path, subject, List.of(page, "select count(*) from (select 1 from report where " + where
                + " limit " + DispatchService.COUNT_LIMIT + ") counted"),
                List.of(page, "select count(*) from report where " + where), RUNS, true);
    }

    /** A rider's reports, filed or joined: a union of the two lookups; before: one condition with OR. */
    private static Call mine(String rider) {
        String union = "id in (select id from report where tenant_id = '" + T + "' and reporter_subject = '" + rider
                + "' union select report_id from report_supporter where tenant_id = '" + T + "' and subject = '" + rider
                + "')";
        String or = "reporter_subject = '" + rider + "' or id in (select report_id from report_supporter where "
                + "tenant_id = '" + T + "' and subject = '" + rider + "')";
        return new Call("rider's my reports (filed or joined), first page", "/api/t/" + T + "/reports/mine?size=20",
                rider, List.of("select * from report where tenant_id = '" + T + "' and " + union
                        + " order by created_at desc, id desc limit 20",
                "select count(*) from report where tenant_id = '" + T + "' and " + union),
                List.of("select * from report where tenant_id = '" + T + "' and (" + or
                                + ") order by created_at desc, id desc limit 20",
                        "select count(*) from report where tenant_id = '" + T + "' and (" + or + ")"), RUNS, true);
    }

    /** The township's report figures for the last 365 days, aggregated from the reports at read time. */
    private static Call figures(ZoneId zone) {
        String sql = filed(ReportFigureService.FIGURES, zone);
        return new Call("report figures, last 365 days", "/api/t/" + T + "/reports/figures",
                TestTenants.member(T, "dispatcher"), List.of(sql), List.of(sql), SLOW_RUNS, false);
    }

    private static Call breakdown(ZoneId zone) {
        String sql = filed("select k.name_zh, count(*), count(*) filter (where " + FiledReports.CLOSED
                + "), count(*) filter (where " + FiledReports.OVERDUE + ") from " + FiledReports.FILED
                + " left join report_category k on k.tenant_id = filed.tenant_id and k.id = filed.category_id"
                + " group by k.id, 1 order by 2 desc, 1 nulls last", zone);
        return new Call("reports by category, last 365 days", "/api/t/" + T + "/reports/breakdown?by=category",
                TestTenants.member(T, "dispatcher"), List.of(sql), List.of(sql), SLOW_RUNS, false);
    }

    /** The figures' SQL with its parameters written in, for the default period (the last 365 days). */
    private static String filed(String sql, ZoneId zone) {
        FiledReports.Period period = FiledReports.period(zone, null, null);
        return sql.replace(":closed", CLOSED).replace(":tenant", "'" + T + "'")
                .replace(":start", "'" + period.first().atStartOfDay(zone).toOffsetDateTime() + "'")
                .replace(":end", "'" + period.last().plusDays(1).atStartOfDay(zone).toOffsetDateTime() + "'");
    }

    /** The township with 8 communities of 5 grids each, onboarded through the API like any other. */
    @SuppressWarnings("unchecked")
    private static void onboard(String code, double lon, double lat) {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(code, lon, lat));
        List<Object> communities = new ArrayList<>();
        List<Object> features = new ArrayList<>();
        for (int c = 1; c <= COMMUNITIES; c++) {
            communities.add(Map.of("code", "c" + c, "name", "社区" + c));
        }
        for (int g = 0; g < GRIDS; g++) {
            double x = lon + (g % 8) * 0.02;
            double y = lat + (g / 8) * 0.02;
            features.add(TestTenants.feature("g" + (g + 1), "网格" + (g + 1), "c" + (1 + g / 5), null,
                    TestTenants.square(x, y, 0.009), 100));
        }
        manifest.put("communities", communities);
        manifest.put("grids", Map.of("type", "FeatureCollection", "features", features));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .when().put("/api/platform/tenants/" + code)
                .then().statusCode(200);
    }

    /** Riders and reports in SQL, as superuser (row-level security does not apply), then VACUUM ANALYZE. */
    private static void seed(List<String> townships, Map<String, Long> sizes) throws SQLException {
        try (Connection c = Db.superuser(); Statement st = c.createStatement()) {
            st.execute("set synchronous_commit = off");
            st.execute("select setseed(0.42)");
            Map<String, Object[]> arrays = new HashMap<>();
            for (String t : townships) {
                // the onboarded rider first: the rider whose "my reports" is measured
                st.execute("insert into rider (tenant_id, subject, name, phone, platform, status) select '" + t
                        + "', '" + t + "-rider-' || i, '骑手' || i, (15000000000 + i)::text, "
                        + "(array['meituan', 'eleme', 'sf'])[1 + i % 3], 'active' from generate_series(1, " + (RIDERS - 1)
                        + ") i");
                Object[] a = {
                        array(c, "select array_agg(id order by parent_id nulls first, id) from report_category where "
                                + "tenant_id = '" + t + "'"),
                        array(c, "select array_agg(id order by id) from grid where tenant_id = '" + t
                                + "' and parent_id is null"),
                        array(c, "select array_agg(community_id order by id) from grid where tenant_id = '" + t
                                + "' and parent_id is null"),
                        array(c, "select array_agg(id order by (subject <> '" + TestTenants.member(t, "rider")
                                + "'), id) from rider where tenant_id = '" + t + "'"),
                        array(c, "select array_agg(subject order by (subject <> '" + TestTenants.member(t, "rider")
                                + "'), id) from rider where tenant_id = '" + t + "'"),
                        array(c, "select array['" + TestTenants.member(t, "handler") + "'] || array_agg('" + t
                                + "-handler-' || i) from generate_series(2, " + HANDLERS + ") i")};
                arrays.put(t, a);
            }
            Map<String, Long> original = new HashMap<>();
            String insert = """
                    insert into report (tenant_id, category_id, description, lon, lat, community_id, grid_id, urgent,
                      state, source, reporter_subject, rider_id, assignee_kind, assignee_subject, duplicate_of,
                      dispatch_due, resolve_due, dispatched_at, resolved_at, closed_at, verified, rating,
                      escalated_dispatch_at, escalated_resolve_at, created_at, updated_at)
                    select ?, cats[1 + k %% cardinality(cats)], '第' || i || '号：路面坑洼，电动车容易摔倒',
                      ?::float8 + u * 0.16, ?::float8 + v * 0.1,
                      case when w < 0.95 then comms[1 + k / 7 %% cardinality(grids)] end,
                      case when w < 0.95 then grids[1 + k / 7 %% cardinality(grids)] end, v < 0.03,
                      state, 'app', subjects[1 + k / 13 %% cardinality(subjects)],
                      riders[1 + k / 13 %% cardinality(riders)],
                      case when assigned then 'handler' end,
                      case when assigned then handlers[1 + k / 31 %% cardinality(handlers)] end,
                      case when state = 'duplicate' then ?::bigint end,
                      at + interval '2 hours', at + interval '3 days',
                      case when assigned then at + w * interval '3 hours' end,
                      case when state in ('resolved', 'reopened', 'closed_fixed', 'closed_not_fixed')
                           then at + (4 + x * 90) * interval '1 hour' end,
                      case when state in (%s) then at + (6 + x * 100) * interval '1 hour' end,
                      case when state = 'closed_fixed' and v < 0.6 then v < 0.55 end,
                      case when state = 'closed_fixed' and v < 0.6 then 1 + k %% 5 end,
                      case when (assigned and w > 2.0 / 3) or (state = 'submitted' and at < now() - interval '2 hours')
                           then at + interval '2 hours' end,
                      case when state in ('resolved', 'reopened', 'closed_fixed', 'closed_not_fixed') and x > 0.76
                           or state in ('dispatched', 'in_progress') and at < now() - interval '3 days'
                           then at + interval '3 days' end,
                      at, at
                    from (select *, state not in ('submitted', 'rejected', 'duplicate') as assigned
                          from (select i, at, u, v, w, x, k, case
                              when at > now() - interval '2 days' then (case when u < .4 then 'submitted'
                                when u < .6 then 'dispatched' when u < .85 then 'in_progress' when u < .95 then 'resolved'
                                else 'rejected' end)
                              when at > now() - interval '14 days' then (case when u < .02 then 'submitted'
                                when u < .07 then 'dispatched' when u < .22 then 'in_progress' when u < .32 then 'resolved'
                                when u < .34 then 'reopened' when u < .89 then 'closed_fixed' when u < .95 then 'rejected'
                                else 'duplicate' end)
                              else (case when u < .002 then 'submitted' when u < .005 then 'dispatched'
                                when u < .015 then 'in_progress' when u < .018 then 'resolved' when u < .02 then 'reopened'
                                when u < .84 then 'closed_fixed' when u < .87 then 'closed_not_fixed'
                                when u < .95 then 'rejected' else 'duplicate' end) end as state
                            from (select i, now() - interval '365 days' + (i + random()) / ?::float8 * interval '365 days' as at,
                                         random() as u, random() as v, random() as w, random() as x,
                                         (random() * 1e9)::bigint as k
                                    from generate_series(?::bigint, ?::bigint) i) g) s) r,
                      (select ?::bigint[] as cats, ?::bigint[] as grids, ?::bigint[] as comms, ?::bigint[] as riders,
                              ?::text[] as subjects, ?::text[] as handlers) a
                    """.formatted(CLOSED);
            c.setAutoCommit(true);
            for (String t : townships) {
                // the report duplicates point to: the township's first
                st.execute("insert into report (tenant_id, category_id, description, lon, lat, state, source, "
                        + "dispatch_due, resolve_due, created_at) select '" + t + "', min(id), '第0号', 110, 30, "
                        + "'closed_fixed', 'app', now() - interval '366 days', now() - interval '366 days', "
                        + "now() - interval '366 days' from report_category where tenant_id = '" + t + "'");
                original.put(t, Db.count("select min(id) from report where tenant_id = '" + t + "'"));
            }
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (int slice = 0; slice < SLICES; slice++) {
                    for (int ti = 0; ti < townships.size(); ti++) {
                        String t = townships.get(ti);
                        long n = sizes.get(t);
                        long from = n * slice / SLICES;
                        long to = n * (slice + 1) / SLICES - 1;
                        if (to < from) {
                            continue;
                        }
                        Object[] a = arrays.get(t);
                        ps.setString(1, t);
                        ps.setDouble(2, 110 + ti * 0.5);
                        ps.setDouble(3, 30);
                        ps.setLong(4, original.get(t));
                        ps.setLong(5, n);
                        ps.setLong(6, from);
                        ps.setLong(7, to);
                        for (int j = 0; j < a.length; j++) {
                            ps.setObject(8 + j, a[j]);
                        }
                        ps.executeUpdate();
                    }
                }
            }
            // the measured rider also joined 30 others' reports ("me too")
            st.execute("insert into report_supporter (tenant_id, report_id, subject) select tenant_id, id, '"
                    + TestTenants.member(T, "rider") + "' from report where tenant_id = '" + T + "' and reporter_subject <> '"
                    + TestTenants.member(T, "rider") + "' and state in (" + OPEN + ") order by id desc limit 30");
            st.execute("vacuum analyze report");
            st.execute("vacuum analyze report_supporter");
        }
    }

    private static Array array(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getArray(1);
        }
    }

    /** Each statement run in turn, {@code runs} times after a few warm-up runs; ms per run of them all. */
    private static double[] time(Connection c, List<String> sql, int runs) throws SQLException {
        double[] ms = new double[runs];
        try (Statement st = c.createStatement()) {
            for (int i = -Math.min(5, runs); i < runs; i++) {
                long start = System.nanoTime();
                for (String s : sql) {
                    try (ResultSet rs = st.executeQuery(s)) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                }
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return ms;
    }

    private static String explain(Connection c, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
