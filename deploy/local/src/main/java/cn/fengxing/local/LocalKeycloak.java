package cn.fengxing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keycloak from its distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by this module's build
 * into {@code .local/keycloak-VERSION}), started in development mode with the demo realm imported.
 *
 * <p>Persistent instances keep their data in the distribution's dev-file database ({@code home/data/h2});
 * the realm file is imported only when the realm does not exist yet. Non-persistent instances (tests) use a
 * private in-memory H2 database and never touch that file. Both use the same build-time configuration, so
 * switching between them does not make Keycloak rebuild itself (a non-persistent {@code --db=dev-mem} would:
 * about 30 s each time, rewriting {@code home/lib/quarkus} under a running instance).
 */
public final class LocalKeycloak implements AutoCloseable {

    /** The Keycloak version whose distribution this module unpacks (the root pom's {@code keycloak.version}). */
    public static final String VERSION = buildProperty("keycloak.version");

    /** How long {@link #start} waits for the realm to answer. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(420);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final boolean persistent;
    private final Path home;
    private final Path logFile;
    private volatile Duration startTime;

    private LocalKeycloak(Process process, int httpPort, int managementPort, boolean persistent, Path home,
                          Path logFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.persistent = persistent;
        this.home = home;
        this.logFile = logFile;
    }

    /**
     * Starts {@code bin/kc.sh start-dev --import-realm} and waits (up to {@link #START_TIMEOUT}) until the
     * realm's OpenID configuration answers 200.
     *
     * @param home           the unpacked distribution, e.g. {@link #defaultHome()}
     * @param httpPort       0 for a free port
     * @param managementPort 0 for a free port (Keycloak's management interface, health and metrics)
     * @param persistent     keep data in the dev-file database under {@code home/data}; false: in memory
     * @param realmFile      realm to import (copied into {@code home/data/import/})
     * @param logFile        Keycloak's stdout and stderr (truncated)
     */
    public static LocalKeycloak start(Path home, int httpPort, int managementPort, boolean persistent,
                                      Path realmFile, Path logFile) {
        home = home.toAbsolutePath().normalize();
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (" + kcSh
                    + " missing): run ./mvnw install first, the local-stack module unpacks it");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("Realm file " + realmFile + " not found");
        }
        int http = httpPort == 0 ? Processes.freePort() : httpPort;
        int management = managementPort == 0 ? Processes.freePort() : managementPort;
        while (management == http) {
            management = Processes.freePort();
        }
        for (int port : new int[]{http, management}) {
            if (!Processes.portFree(port)) {
                throw new IllegalStateException("Port " + port + " is in use: cannot start Keycloak on it");
            }
        }
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            // copy then rename, so a Keycloak starting at the same time never reads half a file
            Path staged = Files.createTempFile(importDir, ".realm-", ".tmp");
            Files.copy(realmFile, staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);

            List<String> command = new ArrayList<>(List.of(kcSh.toString(), "start-dev",
                    "--http-port=" + http, "--http-management-port=" + management, "--import-realm"));
            if (!persistent) {
                // same build-time options as a persistent start (db=dev-file); only the runtime URL differs
                command.add("--db-url=jdbc:h2:mem:keycloak-" + UUID.randomUUID() + ";NON_KEYWORDS=VALUE");
            }
            logFile = logFile.toAbsolutePath().normalize();
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = builder.environment();
            // the caller's Quarkus or Keycloak settings (e.g. QUARKUS_DATASOURCE_JDBC_URL for the API) are not
            // meant for this Keycloak, which is itself a Quarkus application
            env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_")
                    || k.equals("JAVA_OPTS") || k.equals("JAVA_OPTS_APPEND") || k.equals("JAVA_ADD_OPENS"));
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", DemoRealm.KEYCLOAK_ADMIN_USERNAME);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", DemoRealm.KEYCLOAK_ADMIN_PASSWORD);

            long started = System.nanoTime();
            Process process = builder.start();
            LocalKeycloak keycloak = new LocalKeycloak(process, http, management, persistent, home, logFile);
            try {
                Processes.awaitHttpOk("Keycloak", URI.create(keycloak.issuer() + "/.well-known/openid-configuration"),
                        START_TIMEOUT, process, logFile);
            } catch (RuntimeException e) {
                keycloak.close();
                throw e;
            }
            keycloak.startTime = Duration.ofNanos(System.nanoTime() - started);
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
    }

    /**
     * The distribution unpacked by the build: {@code <fengxing.local.dir>/keycloak-VERSION}, where the
     * directory comes from the system property {@code fengxing.local.dir} (or {@code local-stack.dir}, as the
     * root pom hands it to tests), else {@code ./.local}.
     *
     * @throws IllegalStateException when it is not unpacked ("run ./mvnw install first")
     */
    public static Path defaultHome() {
        String dir = System.getProperty("fengxing.local.dir", System.getProperty("local-stack.dir", ".local"));
        return defaultHome(Path.of(dir));
    }

    /** {@code <localDir>/keycloak-VERSION}, checked to be unpacked. */
    public static Path defaultHome(Path localDir) {
        Path home = localDir.resolve("keycloak-" + VERSION).toAbsolutePath().normalize();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak " + VERSION + " is not unpacked at " + home
                    + ": run ./mvnw install first (the local-stack module unpacks it)");
        }
        return home;
    }

    /** {@code http://localhost:PORT/realms/fengxing} */
    public String issuer() {
        return baseUrl() + "/realms/" + DemoRealm.REALM;
    }

    /** {@code http://localhost:PORT} */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The realm's token endpoint. */
    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The admin console (log in as {@link DemoRealm#KEYCLOAK_ADMIN_USERNAME}). */
    public String adminConsoleUrl() {
        return baseUrl() + "/admin";
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public boolean persistent() {
        return persistent;
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return logFile;
    }

    /** The pid of {@code kc.sh} (the Keycloak JVM is its child). */
    public long pid() {
        return process.pid();
    }

    /** From starting the process until the realm answered. */
    public Duration startTime() {
        return startTime;
    }

    /**
     * An access token of a demo user through client {@link DemoRealm#WEB_CLIENT_ID} with the password grant
     * (enabled in the demo realm only, for tests).
     */
    public String userAccessToken(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", DemoRealm.WEB_CLIENT_ID,
                "username", username, "password", password, "scope", "openid"));
    }

    /** An access token of a confidential client with the client-credentials grant. */
    public String clientAccessToken(String clientId, String clientSecret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }

    /** Posts {@code form} to the token endpoint and returns the access token; fails on any non-200 answer. */
    public String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request " + form.get("grant_type") + " for "
                        + form.getOrDefault("username", form.get("client_id")) + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("token request to " + tokenEndpoint() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops Keycloak (kc.sh and its JVM): SIGTERM, up to 30 s, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        Processes.stopTree(process.toHandle(), Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "LocalKeycloak[" + issuer() + (persistent ? ", persistent" : ", in memory") + "]";
    }

    private static String buildProperty(String name) {
        Properties properties = new Properties();
        try (InputStream in = LocalKeycloak.class.getResourceAsStream("local-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("local-stack.properties missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(name);
        if (value == null || value.startsWith("${")) {
            throw new IllegalStateException("local-stack.properties has no " + name + " (resource not filtered?)");
        }
        return value;
    }
}
