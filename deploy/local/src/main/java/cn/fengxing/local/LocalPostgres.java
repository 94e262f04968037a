package cn.fengxing.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server (zonky embedded binaries) prepared the way the platform expects its database:
 * database {@value #DATABASE} owned by {@value #OWNER_USER} (who runs the Liquibase migrations) and a login
 * {@value #APP_USER} for the application pool that is neither superuser nor BYPASSRLS and owns nothing, so
 * row-level security applies to it. Table privileges for the app role come from the API's migrations.
 *
 * <p>Connections over TCP authenticate with scram-sha-256 (pg_hba.conf is rewritten on every start), so wrong
 * credentials fail here as they would on a real server.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "fengxing";
    public static final String OWNER_USER = "fengxing_owner";
    public static final String OWNER_PASSWORD = "fengxing_owner";
    public static final String APP_USER = "fengxing_app";
    public static final String APP_PASSWORD = "fengxing_app";
    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "postgres";

    private static final String LOCK_FILE = "epg-lock"; // zonky's lock on a data directory

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean persistent;
    private final Path logFile;
    private final boolean temporaryLog;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir, boolean persistent, Path logFile,
                          boolean temporaryLog) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.persistent = persistent;
        this.logFile = logFile;
        this.temporaryLog = temporaryLog;
    }

    /**
     * Starts a server; the server's own log goes to {@code <dataDir>.log} next to a persistent data directory,
     * or to a temporary file for a temporary one.
     *
     * @see #start(Path, int, Path)
     */
    public static LocalPostgres start(Path dataDir, int port) {
        return start(dataDir, port, null);
    }

    /**
     * Starts a server and ensures the database and roles (idempotent).
     *
     * @param dataDir null for a temporary data directory deleted on {@link #close()}; otherwise a persistent one,
     *                created if missing, reused across runs and never cleaned
     * @param port    0 for a free port
     * @param logFile where the server writes its log (appended); null for the default of {@link #start(Path, int)}
     */
    public static LocalPostgres start(Path dataDir, int port, Path logFile) {
        boolean persistent = dataDir != null;
        boolean temporaryLog = false;
        try {
            Path dir;
            if (persistent) {
                dir = dataDir.toAbsolutePath().normalize();
                Files.createDirectories(dir);
                stopLeftoverPostmaster(dir);
            } else {
                dir = Files.createTempDirectory("fengxing-pg-");
            }
            if (logFile == null) {
                if (persistent) {
                    logFile = dir.resolveSibling(dir.getFileName() + ".log");
                } else {
                    logFile = Files.createTempFile("fengxing-pg-", ".log");
                    temporaryLog = true;
                }
            }
            logFile = logFile.toAbsolutePath().normalize();
            Files.createDirectories(logFile.getParent());
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());

            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(!persistent)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's readiness probe connects as the superuser: needs the password once scram is on
                    .setConnectConfig("password", SUPERUSER_PASSWORD)
                    // PostgreSQL 17's built-in provider: UTF-8 character semantics, code point order,
                    // independent of the machine's installed locales
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setLocaleConfig("locale", "C")
                    .setOutputRedirector(log)
                    .setErrorRedirector(log);
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("PostgreSQL did not start (data " + dir + "); log " + logFile
                        + ":\n" + Processes.tail(logFile, 30), e);
            }
            LocalPostgres local = new LocalPostgres(postgres, dir, persistent, logFile, temporaryLog);
            try {
                local.prepare();
            } catch (RuntimeException e) {
                local.close();
                throw e;
            }
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** {@code jdbc:postgresql://localhost:PORT/fengxing} */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public String ownerUser() {
        return OWNER_USER;
    }

    public String ownerPassword() {
        return OWNER_PASSWORD;
    }

    public String appUser() {
        return APP_USER;
    }

    public String appPassword() {
        return APP_PASSWORD;
    }

    /** The database {@value #DATABASE}, for a superuser connection ({@link #superuser()}). */
    public String superuserJdbcUrl() {
        return jdbcUrl();
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return SUPERUSER_PASSWORD;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean persistent() {
        return persistent;
    }

    /** The server's log file. */
    public Path logFile() {
        return logFile;
    }

    /** Stops the server (fast shutdown); a temporary data directory is deleted. Idempotent. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        } finally {
            if (temporaryLog) {
                try {
                    Files.deleteIfExists(logFile);
                } catch (IOException e) {
                    // temp file
                }
            }
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + jdbcUrl() + ", data " + dataDir + (persistent ? "" : " (temporary)") + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    private void prepare() {
        String base = "jdbc:postgresql://localhost:" + port() + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", SUPERUSER, SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + SUPERUSER_PASSWORD + "'");
            for (String role : List.of(OWNER_USER, APP_USER)) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + "; END IF; END $$");
            }
            // owner: runs migrations; FORCE'd row-level security applies to it too, so no BYPASSRLS either
            s.execute("ALTER ROLE " + OWNER_USER + " LOGIN PASSWORD '" + OWNER_PASSWORD
                    + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            s.execute("ALTER ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD
                    + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (exists) {
                s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER_USER);
            } else {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_USER);
            }
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare roles and database on " + base, e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER_USER);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + APP_USER);
            if (writeHba()) {
                try (ResultSet rs = s.executeQuery("SELECT pg_reload_conf()")) {
                    rs.next();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema public of " + jdbcUrl(), e);
        }
    }

    /** Writes pg_hba.conf; true when it changed (a fresh data directory: initdb wrote "trust" for all). */
    private boolean writeHba() {
        String hba = "# kept by cn.fengxing.local.LocalPostgres: rewritten at start when it differs\n"
                + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
                + "local   all       all                 trust\n"
                + "host    all       all   127.0.0.1/32  scram-sha-256\n"
                + "host    all       all   ::1/128       scram-sha-256\n";
        Path file = dataDir.resolve("pg_hba.conf");
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(hba)) {
                return false;
            }
            Files.writeString(file, hba, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDir, e);
        }
    }

    /**
     * A postmaster left running on a persistent data directory by a JVM that died without its shutdown hook
     * (kill -9): stop it, so this start can take the directory over. A directory whose lock is held by a live
     * JVM is in use and is left alone.
     */
    static void stopLeftoverPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try (FileOutputStream lockStream = new FileOutputStream(dir.resolve(LOCK_FILE).toFile());
             FileLock lock = lockStream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL data directory " + dir
                        + " is in use by another running process (is another run-local.sh running?)");
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty()) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty()) {
                return; // stale pid file: PostgreSQL itself recovers from it
            }
            Optional<String> command = handle.get().info().command();
            if (command.isEmpty() || !command.get().endsWith("/postgres")) {
                return; // pid reused by something else
            }
            System.err.println("Stopping a PostgreSQL server (pid " + pid + ") left running on " + dir
                    + " by an earlier run.");
            Path pgCtl = Path.of(command.get()).resolveSibling("pg_ctl");
            boolean stopped = false;
            if (Files.isExecutable(pgCtl)) {
                try {
                    Process p = new ProcessBuilder(pgCtl.toString(), "-D", dir.toString(), "stop", "-m", "fast",
                            "-w", "-t", "30").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    stopped = p.waitFor(40, TimeUnit.SECONDS) && p.exitValue() == 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!stopped) {
                Processes.stopTree(handle.get(), Duration.ofSeconds(30));
            }
        } catch (NumberFormatException e) {
            // unreadable pid file: let PostgreSQL decide
        }
    }
}
