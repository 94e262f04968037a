package cn.fengxing.support;

import cn.fengxing.local.LocalPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged API (target/quarkus-app, as deployed) as a process of its own on a loopback port, against a given
 * PostgreSQL and the OIDC test server: for the fault tests and benchmarks that kill it, restart it or measure it.
 */
public final class ApiProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private final int port;
    private final Path logDir;
    private final String name;
    private Process process;
    private int starts;
    private Duration lastStart;

    private ApiProcess(String name, Map<String, String> env, List<String> jvmOptions, int port, Path logDir) {
        this.name = name;
        this.env = env;
        this.jvmOptions = jvmOptions;
        this.port = port;
        this.logDir = logDir;
    }

    /**
     * Starts the API on a free port and waits until it is ready. {@code settings}: further environment (e.g.
     * FENGXING_STORAGE_DIRECTORY), over the defaults of a test deployment.
     */
    public static ApiProcess start(String name, LocalPostgres postgres, String oidcUrl, Map<String, String> settings,
                                   List<String> jvmOptions) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the fault tests run after packaging");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.appUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.appPassword());
        env.put("QUARKUS_LIQUIBASE_USERNAME", postgres.ownerUser());
        env.put("QUARKUS_LIQUIBASE_PASSWORD", postgres.ownerPassword());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcUrl + "/realms/quarkus/");
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", "https://server.example.com");
        env.put("FENGXING_BOOTSTRAP_OPERATORS", Tokens.OPERATOR);
        env.put("FENGXING_IDENTITY_PROVIDER", "none");
        env.putAll(settings);
        Path logDir = Path.of("target/fault");
        ApiProcess api = new ApiProcess(name, env, jvmOptions, freePort(), logDir);
        api.startAgain();
        return api;
    }

    /** Starts it (again, after {@link #kill()} or {@link #stop()}) on the same port and waits until ready. */
    public void startAgain() {
        startAgain(Map.of());
    }

    /** The same, with these settings changed from the first start's (and kept for later starts). */
    public void startAgain(Map<String, String> changed) {
        env.putAll(changed);
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("still running");
        }
        starts++;
        Path log = logDir.resolve(name + "-api-" + starts + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            long began = System.nanoTime();
            process = builder.start();
            awaitReady(log);
            lastStart = Duration.ofNanos(System.nanoTime() - began);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the API", e);
        }
    }

    /** SIGKILL: no shutdown hook, no request finished, no transaction committed that was not already. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the API did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** From process start to the first ready answer of /q/health/ready, of the last start. */
    public Duration lastStart() {
        return lastStart;
    }

    /** Resident set size of the process now, in bytes (Linux /proc). */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** The JVM's native memory summary (jcmd; the process runs with -XX:NativeMemoryTracking=summary). */
    public String nativeMemory() {
        try {
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "VM.native_memory",
                    "summary", "scale=MB").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.lines().filter(l -> l.startsWith("Total") || l.startsWith("-")).map(String::strip)
                    .collect(java.util.stream.Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTP status of /q/health/ready now (0 when nothing answers). */
    public int readiness() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the API exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            if (readiness() == 200) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the API was not ready within " + READY_WITHIN + ":\n" + Files.readString(log));
    }

    /** A loopback port nobody listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM: a graceful shutdown, as an orchestrator stops it. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
