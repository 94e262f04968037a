package cn.fengxing.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL from the embedded binaries, prepared like every Fengxing installation: the
 * database {@code fengxing}, its owner role (runs the migrations, owns the tables) and the
 * application role (owns nothing, no BYPASSRLS, so row-level security binds it).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "fengxing";
    public static final String OWNER = "fengxing_owner";
    public static final String APP = "fengxing_app";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres server;
    private final Path temporaryDir;

    private LocalPostgres(EmbeddedPostgres server, Path temporaryDir) {
        this.server = server;
        this.temporaryDir = temporaryDir;
    }

    /**
     * Starts the server. {@code dataDir} null means a temporary directory removed on close;
     * otherwise the data is kept there across runs. {@code port} 0 picks a free port.
     */
    public static LocalPostgres start(Path dataDir, int port) {
        try {
            Path dir = dataDir != null ? dataDir : Files.createTempDirectory("fengxing-pg");
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(dataDir == null)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            LocalPostgres pg = new LocalPostgres(builder.start(), dataDir == null ? dir : null);
            pg.prepare();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /** Creates the roles and the database unless they exist, so a kept data directory is reused. */
    private void prepare() {
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, SUPERUSER);
             Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER + "') THEN "
                    + "CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER + "'; END IF; "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP + "') THEN "
                    + "CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP + "' NOSUPERUSER NOBYPASSRLS; END IF; END $$");
            boolean exists;
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                st.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded PostgreSQL", e);
        }
        try (Connection c = DriverManager.getConnection(url(DATABASE), SUPERUSER, SUPERUSER);
             Statement st = c.createStatement()) {
            st.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            st.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP);
            st.execute("GRANT USAGE ON SCHEMA public TO " + APP);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the fengxing database", e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    public String jdbcUrl() {
        return url(DATABASE);
    }

    public int port() {
        return server.getPort();
    }

    public String ownerUser() {
        return OWNER;
    }

    public String ownerPassword() {
        return OWNER;
    }

    public String appUser() {
        return APP;
    }

    public String appPassword() {
        return APP;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return SUPERUSER;
    }

    public String superuserJdbcUrl() {
        return jdbcUrl();
    }

    @Override
    public void close() {
        try {
            server.close();
            if (temporaryDir != null && Files.exists(temporaryDir)) {
                try (Stream<Path> files = Files.walk(temporaryDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }
}
