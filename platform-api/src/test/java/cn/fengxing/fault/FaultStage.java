package cn.fengxing.fault;

import cn.fengxing.local.LocalPostgres;
import cn.fengxing.support.ApiProcess;
import cn.fengxing.support.Photos;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage of a fault test, all on loopback: a PostgreSQL of its own (in target/fault, so it can be stopped and
 * started again on the same port), the OIDC test server, the packaged API as its own process with its photos in
 * target/fault, and a township with riders.
 */
final class FaultStage implements AutoCloseable {

    static final String TOWNSHIP = "fault-town";
    static final double LON = 113.5;
    static final double LAT = 34.5;
    /** The load of a fault test: riders filing so many reports each (the benchmark profile's heavy variant: more). */
    static final int RIDERS = Integer.getInteger("fault.riders", 4);
    static final int PER_RIDER = Integer.getInteger("fault.per-rider", 25);
    /**
     * The API under a fault test: a killed request's files are swept once 5 s old (older than any request of the run
     * takes), and the steady filing is not limited as a flood.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "FENGXING_STORAGE_ORPHAN_AFTER", "PT5S", "FENGXING_STORAGE_SWEEP_EVERY", "1s",
            "FENGXING_REPORTS_FLOOD_RIDER_BURST", "100000", "FENGXING_REPORTS_FLOOD_TOWNSHIP_BURST", "100000");

    private final Path dir;
    private final int postgresPort;
    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private LocalPostgres postgres;
    private ApiProcess api;
    private List<String> riders;

    private FaultStage(String name) {
        this.dir = Path.of("target/fault", name).toAbsolutePath();
        this.postgresPort = ApiProcess.freePort();
    }

    /** Everything started, the township onboarded with {@code riders} riders; {@code settings} for the API. */
    static FaultStage start(String name, int riders, Map<String, String> settings) throws IOException {
        return start(name, riders, settings, List.of());
    }

    /** The same, the API's JVM started with {@code jvmOptions}. */
    static FaultStage start(String name, int riders, Map<String, String> settings, List<String> jvmOptions)
            throws IOException {
        FaultStage stage = new FaultStage(name);
        try {
            deleteTree(stage.dir);
            stage.startPostgres();
            String oidcUrl = stage.oidc.start().get("keycloak.url");
            Map<String, String> env = new java.util.HashMap<>(settings);
            env.put("FENGXING_STORAGE_DIRECTORY", stage.photos().toString());
            stage.api = ApiProcess.start(name, stage.postgres, oidcUrl, env, jvmOptions);
            RestAssured.baseURI = "http://localhost";
            RestAssured.port = Integer.parseInt(stage.api.baseUrl().replaceAll(".*:", ""));
            stage.riders = IntStream.range(0, riders).mapToObj(i -> name + "-rider-" + i).toList();
            TestTenants.onboardWithRiders(TOWNSHIP, LON, LAT, stage.riders);
            return stage;
        } catch (RuntimeException | IOException e) {
            stage.close();
            throw e;
        }
    }

    /** Started as a fault test's stage: {@link #RIDERS} riders, {@link #SETTINGS}. */
    static FaultStage start(String name) throws IOException {
        return start(name, RIDERS, SETTINGS);
    }

    /** The riders filing {@link #PER_RIDER} reports each with a phone photo at a steady pace, started. */
    SteadyIntake steadyIntake(long photoSeed) {
        return new SteadyIntake(reportsUrl(), riderTokens(), Photos.phonePhoto(1200, 900, photoSeed, LON, LAT), LON, LAT,
                PER_RIDER, Duration.ofMillis(50), Duration.ofMinutes(4)).start();
    }

    /**
     * After the run: every filing acknowledged, one report per Idempotency-Key with one photo each, and, once the
     * sweep of pending files has run, the photo store holds exactly the files the photo rows name.
     */
    void assertEachFiledOnce(SteadyIntake intake) throws Exception {
        assertThat(intake.acknowledged()).as("every filing was acknowledged in the end")
                .hasSize(RIDERS * PER_RIDER).isEqualTo(intake.sent());
        String ofTown = " from report where tenant_id = '" + TOWNSHIP + "'";
        assertThat(new HashSet<>(strings("select idempotency_key" + ofTown)))
                .as("one report per Idempotency-Key, none without one").isEqualTo(intake.acknowledged());
        assertThat(count("select count(*)" + ofTown)).as("no report twice").isEqualTo(RIDERS * PER_RIDER);
        assertThat(count("select count(*) from report r where r.tenant_id = '" + TOWNSHIP
                + "' and (select count(*) from report_photo p where p.report_id = r.id) <> 1"))
                .as("reports without their photo, or with it twice").isZero();
        Set<String> referenced = referencedFiles();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((!storedFiles().equals(referenced) || count("select count(*) from blob_pending") > 0)
                && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        assertThat(storedFiles()).as("the photo store holds each photo and thumbnail, nothing else")
                .isEqualTo(referenced);
        assertThat(count("select count(*) from blob_pending")).as("no file left pending").isZero();
    }

    ApiProcess api() {
        return api;
    }

    String reportsUrl() {
        return api.baseUrl() + "/api/t/" + TOWNSHIP + "/reports";
    }

    List<String> riderTokens() {
        return riders.stream().map(Tokens::of).toList();
    }

    void startPostgres() {
        postgres = LocalPostgres.start(dir.resolve("pgdata"), postgresPort, dir.resolve("postgres.log"));
    }

    /** PostgreSQL's fast shutdown: every session ended, open transactions rolled back. */
    void stopPostgres() {
        postgres.close();
    }

    Path photos() {
        return dir.resolve("photos");
    }

    long count(String sql) {
        return Long.parseLong(strings(sql).get(0));
    }

    /** First column of every row, as superuser (row-level security hides nothing). */
    List<String> strings(String sql) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.superuser(),
                postgres.superuserPassword()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file in the photo store, by key (partial writes included). */
    Set<String> storedFiles() throws IOException {
        if (!Files.isDirectory(photos())) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(photos())) {
            return new HashSet<>(files.filter(Files::isRegularFile)
                    .map(p -> photos().relativize(p).toString()).toList());
        }
    }

    /** The files the township's photo rows refer to: each photo and its thumbnail. */
    Set<String> referencedFiles() {
        Set<String> out = new HashSet<>();
        for (String key : strings("select p.storage_key from report_photo p join report r on r.id = p.report_id"
                + " where r.tenant_id = '" + TOWNSHIP + "'")) {
            out.add(key + ".jpg");
            out.add(key + "-thumb.jpg");
        }
        return out;
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        oidc.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
