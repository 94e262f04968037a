package cn.fengxing.report.service;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.local.LocalPostgres;
import cn.fengxing.support.Db;
import cn.fengxing.support.Filing;
import cn.fengxing.support.Photos;
import cn.fengxing.support.PostgresResource;
import cn.fengxing.support.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/README.md): filing reports 随手拍 with one phone photo (1600×1200, as the rider app sends it) by 8
 * riders at once over HTTP, beside (a) the same photo's checks, decode, re-encode and thumbnail alone in the JVM on
 * every core (the floor of that work) and (b) PostgreSQL's raw insert rate (pgbench, 8 clients) on the same server.
 */
@QuarkusTest
class IntakeBench {

    static final String T = "bench-intake";
    static final double LON = 113.5;
    static final double LAT = 34.5;
    static final int CLIENTS = 8;
    static final int WARM_UP = 40;
    static final int REPORTS = 480;
    static final int FLOOR_PHOTOS = 240;

    @Inject
    cn.fengxing.common.photo.PhotoIntake photos;

    @Inject
    FengxingConfig config;

    @Test
    void filingReportsWithAPhonePhoto() throws Exception {
        List<String> riders = IntStream.range(0, CLIENTS).mapToObj(i -> "bench-rider-" + i).toList();
        TestTenants.onboardWithRiders(T, LON, LAT, riders);
        byte[] photo = Photos.phonePhoto(1600, 1200, 42, LON, LAT);
        int cores = Runtime.getRuntime().availableProcessors();

        // (a) the photo work alone, on every core
        for (int i = 0; i < 20; i++) {
            photos.process("photo", photo, config.reports());
        }
        double[] single = new double[60];
        for (int i = 0; i < single.length; i++) {
            long start = System.nanoTime();
            photos.process("photo", photo, config.reports());
            single[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(single);
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long floorStart = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < FLOOR_PHOTOS; i++) {
            work.add(pool.submit(() -> photos.process("photo", photo, config.reports())));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double floorPerSecond = FLOOR_PHOTOS / ((System.nanoTime() - floorStart) / 1e9);
        pool.shutdown();

        // (c) filing over HTTP: 8 riders at once, each report with its own Idempotency-Key
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port + "/api/t/" + T + "/reports";
        List<String> tokens = riders.stream().map(IntakeBench::token).toList();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        run(clients, http, base, tokens, photo, WARM_UP);
        long before = Db.count("select count(*) from report where tenant_id = '" + T + "'");
        long start = System.nanoTime();
        double[] latencies = run(clients, http, base, tokens, photo, REPORTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        assertThat(Db.count("select count(*) from report where tenant_id = '" + T + "'")).isEqualTo(before + REPORTS);
        Arrays.sort(latencies);
        double intakePerSecond = REPORTS / seconds;

        // (b) raw inserts on the same PostgreSQL
        double pgbench = pgbench();

        String report = """
                ### Run of %s (China Standard Time)

                Machine: %d cores, %s, JDK %s; PostgreSQL %s (embedded, default settings); API in the test JVM.
                Photo: 1600×1200 JPEG with GPS in its EXIF, %,d bytes (fixed seed); stored as a JPEG of at most %d px
                and a %d px thumbnail.

                | what | figure |
                |---|---|
                | **filing over HTTP**, %d riders at once, %d reports | **%.1f reports/s**; p50 %.0f ms, p99 %.0f ms |
                | (a) the photo work alone (checks, decode, re-encode, thumbnail), %d threads | %.1f photos/s (one photo: p50 %.0f ms) |
                | filing ÷ (a) | %.0f %% (goal ≥ 70 %%) |
                | (b) raw PostgreSQL inserts (pgbench, 8 clients, one-row insert) | %,.0f inserts/s |
                """.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")), cores,
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
                Db.strings("show server_version").get(0), photo.length, config.reports().photoSide(),
                config.reports().thumbnailSide(), CLIENTS, REPORTS, intakePerSecond, pct(latencies, 50),
                pct(latencies, 99), cores, floorPerSecond, pct(single, 50), 100 * intakePerSecond / floorPerSecond,
                pgbench);
        Path out = Path.of("target/bench/intake.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Each client files its share one after another; the latency of every filing in ms. */
    private static double[] run(ExecutorService clients, HttpClient http, String url, List<String> tokens, byte[] photo,
                                int reports) throws Exception {
        List<Future<double[]>> shares = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String token = tokens.get(c);
            shares.add(clients.submit(() -> {
                double[] times = new double[reports / CLIENTS];
                for (int i = 0; i < times.length; i++) {
                    HttpRequest request = Filing.request(url, token, "bench-" + UUID.randomUUID(), photo, LON, LAT,
                            Duration.ofMinutes(2));
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    times[i] = (System.nanoTime() - start) / 1e6;
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                }
                return times;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<double[]> share : shares) {
            for (double t : share.get(10, TimeUnit.MINUTES)) {
                all.add(t);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** pgbench's rate of one-row inserts into a table of its own (8 clients, 2 threads, 10 s). */
    private static double pgbench() throws Exception {
        try (java.sql.Connection c = Db.superuser(); java.sql.Statement st = c.createStatement()) {
            st.execute("create table if not exists bench_insert (id bigserial primary key, tenant text, body text, "
                    + "created_at timestamptz not null default now())");
        }
        Path script = Files.createTempFile("insert", ".sql");
        Files.writeString(script, "insert into bench_insert (tenant, body) values ('bench', 'a report''s text');\n");
        LocalPostgres pg = PostgresResource.postgres();
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(pg.jdbcUrl());
        assertThat(url.find()).isTrue();
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-c", "8", "-j", "2", "-T", "10", "-f",
                script.toString(), "-h", url.group(1), "-p", url.group(2), "-U", pg.superuser(), url.group(3))
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", pg.superuserPassword());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        assertThat(tps.find()).as(output).isTrue();
        return Double.parseDouble(tps.group(1));
    }

    private static String token(String subject) {
        return Jwt.subject(subject).preferredUserName(subject).issuer("https://server.example.com")
                .audience("fengxing-api").expiresIn(Duration.ofHours(2)).jws().keyId("1").sign("privateKey.jwk");
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
