package cn.fengxing.fault;

import cn.fengxing.support.ApiProcess;
import cn.fengxing.support.Filing;
import cn.fengxing.support.Photos;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/README.md), the packaged API as deployed (the chart's JVM options in a 1 GiB container):
 * onboarding 1,000 townships by manifest through the API, beside applying the same manifests again (unchanged);
 * the time from process start to ready, beside the JVM alone starting; resident memory after warm-up (filings and
 * reads), beside right after start.
 */
class ApiFootprintBenchIT {

    static final int TOWNSHIPS = 1000;
    static final int APPLIERS = 4;
    static final int RESTARTS = 5;
    static final Path CHART_VALUES = Path.of("../deploy/helm/fengxing/values.yaml");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void onboardingStartAndMemory() throws Exception {
        // MALLOC_ARENA_MAX as the chart's deployment sets it
        Map<String, String> settings = Map.of("FENGXING_REPORTS_FLOOD_RIDER_BURST", "100000",
                "FENGXING_REPORTS_FLOOD_TOWNSHIP_BURST", "100000", "MALLOC_ARENA_MAX", "2");
        List<String> jvm = chartJvm();
        try (FaultStage stage = FaultStage.start("footprint", 8, settings, jvm)) {
            ApiProcess api = stage.api();
            Duration firstStart = api.lastStart();
            long rssAtStart = api.residentBytes();

            double onboarding = applyAll(api, "ob-");
            double again = applyAll(api, "ob-");
            assertThat(stage.count("select count(*) from tenant where code like 'ob-%'")).isEqualTo(TOWNSHIPS);

            warmUp(stage);
            long rssWarm = api.residentBytes();
            String memory = api.nativeMemory();

            // as the chart runs it: its migration Job owns the schema, the API's pods start without Liquibase
            double[] starts = restarts(api, Map.of("QUARKUS_LIQUIBASE_ENABLED", "false"));
            // as the local run starts it: Liquibase checks the schema is current first
            double[] withSchemaCheck = restarts(api, Map.of("QUARKUS_LIQUIBASE_ENABLED", "true"));
            double[] jvmAlone = new double[RESTARTS];
            for (int i = 0; i < RESTARTS; i++) {
                jvmAlone[i] = jvmVersionMillis();
            }
            Arrays.sort(jvmAlone);

            String report = """
                    ### Run of %s (China Standard Time)

                    Machine: %d cores, %s, JDK %s; PostgreSQL %s (embedded); the packaged API as its
                    own process with %s; %d townships in the database besides the stage's own.

                    | what | figure | baseline in the same run | goal |
                    |---|---|---|---|
                    | onboarding %d townships by manifest, %d at once | **%.1f s** (%.0f townships/s) | the same manifests applied again, unchanged: %.1f s | ≤ 60 s |
                    | API ready after start, as the chart runs it (%d restarts) | **p50 %.0f ms**, max %.0f ms | the JVM alone (java -version): p50 %.0f ms; with Liquibase's check of the schema first (the local run): p50 %.0f ms; the first start, migrating an empty database: %d ms | ≤ 3 s |
                    | resident memory after warm-up | **%.0f MB** | right after start: %.0f MB | ≤ 300 MB |

                    Where the memory went after warm-up (the JVM's native memory tracking, committed):

                    ```
                    %s
                    ```
                    """.formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    System.getProperty("java.version"), stage.strings("show server_version").get(0),
                    String.join(" ", jvm), TOWNSHIPS, TOWNSHIPS, APPLIERS, onboarding, TOWNSHIPS / onboarding,
                    again, RESTARTS, starts[RESTARTS / 2], starts[RESTARTS - 1], jvmAlone[RESTARTS / 2],
                    withSchemaCheck[RESTARTS / 2], firstStart.toMillis(), rssWarm / 1e6, rssAtStart / 1e6, memory);
            Path out = Path.of("target/bench/footprint.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);

            assertThat(onboarding).as("seconds to onboard %d townships", TOWNSHIPS).isLessThanOrEqualTo(60);
            assertThat(starts[RESTARTS / 2]).as("ms from start to ready, p50").isLessThanOrEqualTo(3000);
            assertThat(rssWarm).as("resident bytes after warm-up").isLessThanOrEqualTo(300L * 1000 * 1000);
        }
    }

    /** Stops and starts the API {@link #RESTARTS} times with {@code settings}; ms from start to ready, sorted. */
    private static double[] restarts(ApiProcess api, Map<String, String> settings) {
        double[] starts = new double[RESTARTS];
        for (int i = 0; i < RESTARTS; i++) {
            api.stop();
            api.startAgain(settings);
            starts[i] = api.lastStart().toMillis();
        }
        Arrays.sort(starts);
        return starts;
    }

    /**
     * The chart's default JVM options (values.yaml jvmOptions) in its default memory limit (the JVM sees the
     * container's limit as its memory; here MaxRAM says it), with native memory tracking.
     */
    static List<String> chartJvm() throws IOException {
        String values = Files.readString(CHART_VALUES);
        Matcher options = Pattern.compile("(?m)^jvmOptions: \"([^\"]*)\"")
                .matcher(values);
        Matcher limit = Pattern.compile(
                "(?m)^resources:\\n(?:  .*\\n)*?  limits:\\n    memory: (\\d+)(Mi|Gi)").matcher(values);
        assertThat(options.find()).as("jvmOptions in " + CHART_VALUES).isTrue();
        assertThat(limit.find()).as("resources.limits.memory in " + CHART_VALUES).isTrue();
        List<String> jvm = new ArrayList<>(List.of("-XX:MaxRAM=" + limit.group(1) + ("Gi".equals(limit.group(2)) ? "g" : "m"),
                "-XX:NativeMemoryTracking=summary"));
        jvm.addAll(List.of(options.group(1).trim().split("\\s+")));
        return jvm;
    }

    /** PUTs {@link #TOWNSHIPS} small manifests (5 staff, a rider, 2 communities, 2 grids), a few at once; seconds. */
    private double applyAll(ApiProcess api, String prefix) throws Exception {
        String token = Tokens.of(Tokens.OPERATOR);
        ExecutorService pool = Executors.newFixedThreadPool(APPLIERS);
        long start = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < TOWNSHIPS; i++) {
            String code = prefix + "%04d".formatted(i);
            double lon = 100 + (i % 100) * 0.1;
            double lat = 25 + (i / 100) * 0.1;
            byte[] manifest = json.writeValueAsBytes(TestTenants.manifest(code, lon, lat));
            answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(
                            URI.create(api.baseUrl() + "/api/platform/tenants/" + code))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(5, TimeUnit.MINUTES)).isEqualTo(200);
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    /** What a township's day looks like for the API: riders filing with photos, the desk and riders reading. */
    private void warmUp(FaultStage stage) throws Exception {
        byte[] photo = Photos.phonePhoto(1600, 1200, 11, FaultStage.LON, FaultStage.LAT);
        List<String> tokens = stage.riderTokens();
        String dispatcher = Tokens.of(TestTenants.member(FaultStage.TOWNSHIP, "dispatcher"));
        String base = stage.api().baseUrl() + "/api/t/" + FaultStage.TOWNSHIP;
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        List<Future<?>> work = new ArrayList<>();
        for (String token : tokens) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    HttpResponse<String> filed = http.send(Filing.request(stage.reportsUrl(), token,
                            UUID.randomUUID().toString(), photo, FaultStage.LON, FaultStage.LAT, Duration.ofMinutes(1)),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
                    for (String[] read : new String[][]{{token, base + "/reports/mine"},
                            {dispatcher, base + "/dispatch/queue"}, {dispatcher, base + "/reports/figures"}}) {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(read[1]))
                                .header("Authorization", "Bearer " + read[0]).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(answer.statusCode()).as(read[1] + ": " + answer.body()).isEqualTo(200);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private static double jvmVersionMillis() throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return (System.nanoTime() - start) / 1e6;
    }
}
