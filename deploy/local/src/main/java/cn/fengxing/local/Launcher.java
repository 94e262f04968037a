package cn.fengxing.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local stack in the foreground ({@code ./run-local.sh}): PostgreSQL, Keycloak, platform-api and the demo
 * tenants, then a banner; Ctrl-C stops platform-api, Keycloak and PostgreSQL in that order.
 *
 * <p>Usage: {@code java -cp <local-stack and its classpath> cn.fengxing.local.Launcher <project root>}. Every
 * path is relative to the project root; downloads, data, logs and pid files live in {@code <root>/.local}.
 */
public final class Launcher {

    public static final int API_PORT = 8080;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9180;
    public static final int POSTGRES_PORT = 54329;
    static final Duration API_START_TIMEOUT = Duration.ofSeconds(180);
    static final Duration CLI_TIMEOUT = Duration.ofSeconds(180);

    private static final String API_JAR = "platform-api/target/quarkus-app/quarkus-run.jar";
    private static final String CLI_JAR = "tenant-admin/target/tenant-admin.jar";
    private static final String TENANTS_DIR = "deploy/demo/tenants";
    private static final String REALM_FILE = "deploy/demo/keycloak/fengxing-realm.json";

    private final Path root;
    private final Path localDir;
    private final Path logs;
    private final Path runDir;
    private final PrintStream out;

    private final Object lock = new Object();
    private boolean stopping;
    private boolean stopped;
    private LocalPostgres postgres;
    private LocalKeycloak keycloak;
    private Process api;

    Launcher(Path root, PrintStream out) {
        this.root = root.toAbsolutePath().normalize();
        this.localDir = this.root.resolve(".local");
        this.logs = localDir.resolve("logs");
        this.runDir = localDir.resolve("run");
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath().normalize();
        Launcher launcher = new Launcher(root, out);
        launcher.installStopHandlers();
        int code;
        try {
            code = launcher.run();
        } catch (Stopping e) {
            code = launcher.waitForStop();
        } catch (RuntimeException e) {
            if (launcher.isStopping()) {
                code = launcher.waitForStop(); // a start failing because Ctrl-C stopped it: not an error
            } else {
                out.println();
                out.println("FAILED: " + e.getMessage());
                if (!(e instanceof Failure) && e.getCause() != null) {
                    out.println("  cause: " + e.getCause());
                }
                launcher.stop();
                code = 1;
            }
        }
        System.exit(code);
    }

    /** Starts everything, prints the banner and blocks until platform-api ends. Returns the exit code. */
    int run() {
        out.println("蜂行 Fengxing local stack, project " + root);
        checkEncoding();
        Path apiJar = required(API_JAR, "platform-api is not built: run ./mvnw install (or ./run-local.sh, which builds what is missing)");
        Path cliJar = required(CLI_JAR, "tenant-admin is not built: run ./mvnw install");
        Path realmFile = required(REALM_FILE, "the demo realm file is missing");
        List<Path> manifests = manifests();
        Path keycloakHome = LocalKeycloak.defaultHome(localDir);
        createDirectories(logs);

        boolean externalPostgres = System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
        stopLeftovers(externalPostgres);
        checkPortsFree(externalPostgres);

        // 1. PostgreSQL
        long t = System.nanoTime();
        if (externalPostgres) {
            out.println("PostgreSQL: external, " + System.getenv("QUARKUS_DATASOURCE_JDBC_URL")
                    + " (credentials from QUARKUS_DATASOURCE_* / QUARKUS_LIQUIBASE_*)");
        } else {
            out.println("PostgreSQL: starting on port " + POSTGRES_PORT + ", data " + rel(localDir.resolve("pgdata")) + " ...");
            LocalPostgres pg = LocalPostgres.start(localDir.resolve("pgdata"), POSTGRES_PORT, logs.resolve("postgres.log"));
            register(() -> postgres = pg, pg);
            out.println("PostgreSQL: ready in " + seconds(t) + ", " + pg.jdbcUrl());
        }

        // 2. Keycloak
        t = System.nanoTime();
        out.println("Keycloak " + LocalKeycloak.VERSION + ": starting on port " + KEYCLOAK_PORT
                + " (log " + rel(logs.resolve("keycloak.log")) + ") ...");
        String realmHash = realmHash(realmFile);
        refreshChangedRealm(keycloakHome.resolve("data/h2"), realmHash);
        LocalKeycloak kc = LocalKeycloak.start(keycloakHome, KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, true,
                realmFile, logs.resolve("keycloak.log"));
        register(() -> keycloak = kc, kc);
        recordImportedRealm(realmHash);
        Processes.writePid(runDir.resolve("keycloak.pid"), kc.pid());
        out.println("Keycloak: ready in " + seconds(t) + ", issuer " + kc.issuer());

        // 3. platform-api
        t = System.nanoTime();
        out.println("platform-api: starting on port " + API_PORT + " (log " + rel(logs.resolve("platform-api.log")) + ") ...");
        Process apiProcess = startApi(apiJar, kc);
        out.println("platform-api: ready in " + seconds(t));

        // 4. demo tenants
        out.println("Demo tenants: applying " + manifests.size() + " manifests with tenant-admin ...");
        List<String> common = List.of(Processes.javaExecutable(), "-jar", rel(cliJar),
                "--api", "http://localhost:" + API_PORT, "--issuer", kc.issuer(),
                "--client-id", DemoRealm.TENANT_ADMIN_CLIENT_ID,
                "--client-secret", DemoRealm.TENANT_ADMIN_CLIENT_SECRET);
        for (Path manifest : manifests) {
            runCli(common, List.of("apply", "-f", rel(manifest)));
        }
        runCli(common, List.of("grant", "--username", DemoRealm.SHANXI_VIEWER_USERNAME, "--name", "冯晓东", "山西省",
                "region_viewer"));

        // 5. banner
        banner(kc);

        // 6. until Ctrl-C (or platform-api ends on its own)
        int code = waitFor(apiProcess);
        if (isStopping()) {
            return waitForStop();
        }
        out.println();
        out.println("platform-api exited on its own with code " + code + "; last lines of "
                + rel(logs.resolve("platform-api.log")) + ":");
        out.println(Processes.tail(logs.resolve("platform-api.log"), 30));
        stop();
        return code == 0 ? 1 : code;
    }

    // ---- steps ----------------------------------------------------------------------------------------------

    private Process startApi(Path apiJar, LocalKeycloak kc) {
        Path log = logs.resolve("platform-api.log");
        ProcessBuilder builder = new ProcessBuilder(Processes.javaExecutable(), "-jar", rel(apiJar))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(API_PORT));
        // report photos live next to the database's data, kept across runs
        env.putIfAbsent("FENGXING_STORAGE_DIRECTORY", localDir.resolve("blobs").toString());
        if (postgres != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.appUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.appPassword());
            env.put("QUARKUS_LIQUIBASE_USERNAME", postgres.ownerUser());
            env.put("QUARKUS_LIQUIBASE_PASSWORD", postgres.ownerPassword());
        } // external PostgreSQL: the QUARKUS_DATASOURCE_* / QUARKUS_LIQUIBASE_* of the environment, untouched
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", kc.issuer());
        env.put("FENGXING_BOOTSTRAP_OPERATORS", String.join(",", DemoRealm.BOOTSTRAP_OPERATOR_SUBJECTS));
        // staff named by username, phone or e-mail get their account in the demo realm
        env.put("FENGXING_IDENTITY_PROVIDER", "keycloak");
        env.put("FENGXING_IDENTITY_KEYCLOAK_CLIENT_ID", DemoRealm.PROVISIONER_CLIENT_ID);
        env.put("FENGXING_IDENTITY_KEYCLOAK_CLIENT_SECRET", DemoRealm.PROVISIONER_CLIENT_SECRET);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start platform-api", e);
        }
        register(() -> api = process, () -> Processes.stopTree(process.toHandle(), Duration.ofSeconds(30)));
        Processes.writePid(runDir.resolve("platform-api.pid"), process.pid());
        Processes.awaitHttpOk("platform-api", URI.create("http://localhost:" + API_PORT + "/q/health/ready"),
                API_START_TIMEOUT, process, log);
        return process;
    }

    private void runCli(List<String> common, List<String> command) {
        List<String> line = new ArrayList<>(common);
        line.addAll(command);
        out.println("$ tenant-admin " + String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(line).directory(root.toFile()).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run tenant-admin", e);
        }
        try {
            if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                Processes.stopTree(process.toHandle(), Duration.ofSeconds(5));
                throw new Failure("tenant-admin " + String.join(" ", command) + " did not finish within "
                        + CLI_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.stopTree(process.toHandle(), Duration.ofSeconds(5));
            throw new Stopping();
        }
        if (process.exitValue() != 0) {
            if (isStopping()) {
                throw new Stopping();
            }
            throw new Failure("tenant-admin " + String.join(" ", command) + " failed with exit code "
                    + process.exitValue() + " (its output is above; platform-api log: "
                    + rel(logs.resolve("platform-api.log")) + ")");
        }
    }

    private void banner(LocalKeycloak kc) {
        String api = "http://localhost:" + API_PORT;
        String line = "=".repeat(78);
        out.println();
        out.println(line);
        out.println(" 蜂行 Fengxing is running");
        out.println(line);
        out.println(" Web UI            " + api + "/");
        out.println(" API docs          " + api + "/q/swagger-ui   (OpenAPI document: " + api + "/q/openapi)");
        out.println(" Health            " + api + "/q/health");
        out.println(" Keycloak admin    " + kc.adminConsoleUrl() + "   (" + DemoRealm.KEYCLOAK_ADMIN_USERNAME + " / "
                + DemoRealm.KEYCLOAK_ADMIN_PASSWORD + ")");
        out.println(" OIDC issuer       " + kc.issuer());
        if (postgres != null) {
            out.println(" PostgreSQL        " + postgres.jdbcUrl() + "   (app " + postgres.appUser() + " / "
                    + postgres.appPassword() + ", owner " + postgres.ownerUser() + " / " + postgres.ownerPassword() + ")");
        } else {
            out.println(" PostgreSQL        " + System.getenv("QUARKUS_DATASOURCE_JDBC_URL") + " (external)");
        }
        out.println(" Logs              " + rel(logs) + "/");
        out.println();
        out.println(" Demo logins (password for all: " + DemoRealm.PASSWORD + ")");
        int width = DemoRealm.PEOPLE.stream().mapToInt(u -> u.username().length()).max().orElse(10) + 2;
        out.println("   " + pad("username", width) + "who");
        out.println("   " + pad("-".repeat(width - 2), width) + "-".repeat(40));
        for (DemoRealm.User user : DemoRealm.PEOPLE) {
            out.println("   " + pad(user.username(), width) + user.description());
        }
        out.println("   tenant-admin CLI: client " + DemoRealm.TENANT_ADMIN_CLIENT_ID + ", secret "
                + DemoRealm.TENANT_ADMIN_CLIENT_SECRET);
        out.println(line);
        out.println(" Press Ctrl-C to stop");
        out.println(line);
    }

    // ---- stopping -------------------------------------------------------------------------------------------

    /**
     * Ctrl-C and SIGTERM: the handler stops everything in order, then exits. A plain shutdown hook would run
     * concurrently with the embedded PostgreSQL's own hook, which could stop the database before the API.
     * The shutdown hook remains as the fallback (System.exit, or when signals cannot be handled).
     */
    private void installStopHandlers() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "fengxing-local-stop"));
        for (String name : List.of("INT", "TERM")) {
            int code = name.equals("INT") ? 130 : 143;
            handleSignal(name, () -> new Thread(() -> {
                stop();
                System.exit(code);
            }, "fengxing-local-" + name).start());
        }
    }

    /**
     * {@code sun.misc.Signal.handle(new Signal(name), s -> action.run())}, through reflection: the class is in
     * the jdk.unsupported module of every JDK since 9, and this way compiles without warnings.
     */
    private static boolean handleSignal(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object handler = Proxy.newProxyInstance(Launcher.class.getClassLoader(), new Class<?>[]{handlerClass},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "handle":
                                action.run();
                                return null;
                            case "equals":
                                return proxy == args[0];
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            default:
                                return "fengxing-local-" + name + "-handler";
                        }
                    });
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false; // the shutdown hook still stops everything, only not strictly in order
        }
    }

    /** Stops platform-api, Keycloak and PostgreSQL, in that order, and any other child. Idempotent. */
    void stop() {
        LocalPostgres pg;
        LocalKeycloak kc;
        Process apiProcess;
        synchronized (lock) {
            if (stopping) {
                while (!stopped) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                return;
            }
            stopping = true;
            pg = postgres;
            kc = keycloak;
            apiProcess = api;
        }
        try {
            boolean any = pg != null || kc != null || apiProcess != null;
            if (any) {
                out.println();
                out.println("Stopping ...");
            }
            if (apiProcess != null) {
                Processes.stopTree(apiProcess.toHandle(), Duration.ofSeconds(30));
                Processes.deletePid(runDir.resolve("platform-api.pid"));
                out.println("  platform-api stopped");
            }
            if (kc != null) {
                kc.close();
                Processes.deletePid(runDir.resolve("keycloak.pid"));
                out.println("  Keycloak stopped");
            }
            // whatever else this JVM started and had not registered yet (a Keycloak still starting, the CLI)
            ProcessHandle.current().children().forEach(child -> {
                Processes.stopTree(child, Duration.ofSeconds(30));
                out.println("  stopped " + child.info().command().map(c -> Path.of(c).getFileName().toString())
                        .orElse("process") + " " + child.pid() + " (was still starting)");
            });
            if (pg != null) {
                pg.close();
                out.println("  PostgreSQL stopped (data kept in " + rel(pg.dataDir()) + ")");
            }
            if (any) {
                out.println("Stopped.");
            }
        } catch (RuntimeException e) {
            out.println("  while stopping: " + e);
        } finally {
            synchronized (lock) {
                stopped = true;
                lock.notifyAll();
            }
        }
    }

    private boolean isStopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    /** Called from the main thread once a stop is under way elsewhere: waits for it; the stopper exits. */
    private int waitForStop() {
        synchronized (lock) {
            while (!stopped) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return 130;
    }

    /** Records a started component, or closes it at once when a stop began while it was starting. */
    private void register(Runnable record, AutoCloseable component) {
        synchronized (lock) {
            if (!stopping) {
                record.run();
                return;
            }
        }
        try {
            component.close();
        } catch (Exception e) {
            // stopping anyway
        }
        throw new Stopping();
    }

    // ---- checks ---------------------------------------------------------------------------------------------

    /** Where the hash of the realm file Keycloak imported is kept. */
    private static final String IMPORTED_REALM = "imported-realm.sha256";

    /**
     * Keycloak imports the realm file only while the realm does not exist. When the file changed since it was
     * imported (a new client or user in the demo realm), its database is dropped so that it imports the file again:
     * the platform relies on what the file sets up. Accounts created since in this local Keycloak go with it.
     */
    private void refreshChangedRealm(Path database, String hash) {
        Path record = runDir.resolve(IMPORTED_REALM);
        try {
            String previous = Files.isRegularFile(record) ? Files.readString(record, StandardCharsets.US_ASCII).trim() : null;
            if (Files.exists(database) && previous != null && !previous.equals(hash)) {
                out.println("Keycloak: " + REALM_FILE + " changed since it was imported: importing it again (accounts "
                        + "created since in this local Keycloak are dropped)");
                try (var paths = Files.walk(database)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void recordImportedRealm(String hash) {
        createDirectories(runDir);
        try {
            Files.writeString(runDir.resolve(IMPORTED_REALM), hash + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String realmHash(Path realmFile) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(realmFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkEncoding() {
        String jnu = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
        if (!Charset.forName(jnu).equals(StandardCharsets.UTF_8)) {
            throw new Failure("the locale's character set is " + jnu + ", not UTF-8: Chinese command-line "
                    + "arguments would be mangled. Run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 ./run-local.sh");
        }
    }

    private Path required(String relative, String message) {
        Path path = root.resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new Failure(relative + " not found: " + message);
        }
        return path;
    }

    private List<Path> manifests() {
        Path dir = root.resolve(TENANTS_DIR);
        if (!Files.isDirectory(dir)) {
            throw new Failure(TENANTS_DIR + " not found: the demo tenant manifests are missing");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> manifests = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            if (manifests.isEmpty()) {
                throw new Failure("no *.yaml tenant manifests in " + TENANTS_DIR);
            }
            return manifests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Children of a launcher that was killed (kill -9) are still running: stop them before starting again. */
    private void stopLeftovers(boolean externalPostgres) {
        Processes.stopLeftover(runDir.resolve("platform-api.pid"), "quarkus-run.jar")
                .ifPresent(pid -> out.println("Stopped platform-api left running by an earlier run (pid " + pid + ")"));
        Processes.stopLeftover(runDir.resolve("keycloak.pid"), "kc.sh")
                .ifPresent(pid -> out.println("Stopped Keycloak left running by an earlier run (pid " + pid + ")"));
        if (!externalPostgres && Files.isDirectory(localDir.resolve("pgdata"))) {
            try {
                LocalPostgres.stopLeftoverPostmaster(localDir.resolve("pgdata"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void checkPortsFree(boolean externalPostgres) {
        List<String> busy = new ArrayList<>();
        if (!externalPostgres && !Processes.portFree(POSTGRES_PORT)) {
            busy.add(POSTGRES_PORT + " (PostgreSQL)");
        }
        if (!Processes.portFree(KEYCLOAK_PORT)) {
            busy.add(KEYCLOAK_PORT + " (Keycloak)");
        }
        if (!Processes.portFree(KEYCLOAK_MANAGEMENT_PORT)) {
            busy.add(KEYCLOAK_MANAGEMENT_PORT + " (Keycloak management)");
        }
        if (!Processes.portFree(API_PORT)) {
            busy.add(API_PORT + " (platform-api)");
        }
        if (!busy.isEmpty()) {
            throw new Failure("ports in use: " + String.join(", ", busy)
                    + ". Is another ./run-local.sh running? Stop it (Ctrl-C) or free the ports.");
        }
    }

    // ---- small helpers --------------------------------------------------------------------------------------

    private static int waitFor(Process process) {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: stopping is done by the signal handler or the shutdown hook
            }
        }
    }

    private String rel(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** A failure with a message meant for the person running the stack. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** Thrown in the main thread when a stop began while it was still starting things. */
    static final class Stopping extends RuntimeException {
        Stopping() {
            super("stopping");
        }
    }
}
