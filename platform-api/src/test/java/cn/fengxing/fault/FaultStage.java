package cn.fengxing.fault;

import cn.fengxing.local.LocalPostgres;
import cn.fengxing.support.ApiProcess;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The stage of a fault test, all on loopback: a PostgreSQL of its own (in target/fault, so it can be stopped and
 * started again on the same port), the OIDC test server, the packaged API as its own process with its photos in
 * target/fault, and a township with riders.
 */
final class FaultStage implements AutoCloseable {

    static final String TOWNSHIP = "fault-town";
    static final double LON = 113.5;
    static final double LAT = 34.5;

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
