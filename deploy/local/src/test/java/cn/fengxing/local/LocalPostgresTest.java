package cn.fengxing.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalPostgresTest {

    @Test
    void theAppRoleIsBoundByRowLevelSecurityAndOwnsNothing() throws Exception {
        Path dataDir;
        try (LocalPostgres pg = LocalPostgres.start(null, 0)) {
            dataDir = pg.dataDir();
            assertFalse(pg.persistent());
            assertEquals("jdbc:postgresql://localhost:" + pg.port() + "/fengxing", pg.jdbcUrl());

            try (Connection owner = DriverManager.getConnection(pg.jdbcUrl(), pg.ownerUser(), pg.ownerPassword());
                 Statement s = owner.createStatement()) {
                s.execute("CREATE TABLE report (tenant_id text NOT NULL, id bigint, title text, PRIMARY KEY (tenant_id, id))");
                s.execute("ALTER TABLE report ENABLE ROW LEVEL SECURITY");
                s.execute("ALTER TABLE report FORCE ROW LEVEL SECURITY");
                s.execute("CREATE POLICY tenant ON report USING (tenant_id = current_setting('app.tenant_id', true))");
                s.execute("GRANT SELECT, INSERT ON report TO " + pg.appUser());
                s.execute("SELECT set_config('app.tenant_id', 'ningxiang', false)");
                s.execute("INSERT INTO report VALUES ('ningxiang', 1, '路灯不亮')");
            }

            try (Connection app = DriverManager.getConnection(pg.jdbcUrl(), pg.appUser(), pg.appPassword());
                 Statement s = app.createStatement()) {
                SQLException disable = assertThrows(SQLException.class,
                        () -> s.execute("ALTER TABLE report DISABLE ROW LEVEL SECURITY"));
                assertEquals("42501", disable.getSQLState(), disable.getMessage()); // must be owner
                assertEquals("42501", assertThrows(SQLException.class,
                        () -> s.execute("ALTER TABLE report NO FORCE ROW LEVEL SECURITY")).getSQLState());
                assertEquals("42501", assertThrows(SQLException.class,
                        () -> s.execute("CREATE TABLE mine (id int)")).getSQLState()); // no CREATE on public

                assertEquals(0, count(s, "SELECT count(*) FROM report")); // no tenant set: no rows
                s.execute("SELECT set_config('app.tenant_id', 'beidajie', false)");
                assertEquals(0, count(s, "SELECT count(*) FROM report"));
                s.execute("SELECT set_config('app.tenant_id', 'ningxiang', false)");
                try (ResultSet rs = s.executeQuery("SELECT title FROM report")) {
                    assertTrue(rs.next());
                    assertEquals("路灯不亮", rs.getString(1));
                }
            }

            try (Connection su = DriverManager.getConnection(pg.superuserJdbcUrl(), pg.superuser(), pg.superuserPassword());
                 Statement s = su.createStatement()) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = 'fengxing_app'")) {
                    assertTrue(rs.next());
                    for (int i = 1; i <= 4; i++) {
                        assertFalse(rs.getBoolean(i), rs.getMetaData().getColumnName(i));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'fengxing_owner'")) {
                    assertTrue(rs.next());
                    assertFalse(rs.getBoolean(1));
                    assertFalse(rs.getBoolean(2));
                }
                assertEquals(0, count(s, "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
                        + "WHERE r.rolname = 'fengxing_app'"));
                try (ResultSet rs = s.executeQuery("SELECT pg_get_userbyid(datdba), datlocprovider, pg_encoding_to_char(encoding) "
                        + "FROM pg_database WHERE datname = 'fengxing'")) {
                    assertTrue(rs.next());
                    assertEquals("fengxing_owner", rs.getString(1));
                    assertEquals("b", rs.getString(2)); // PostgreSQL's built-in locale provider
                    assertEquals("UTF8", rs.getString(3));
                }
                try (ResultSet rs = s.executeQuery("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'")) {
                    assertTrue(rs.next());
                    assertEquals("fengxing_owner", rs.getString(1));
                }
            }

            // TCP logins are checked (scram-sha-256), as on a real server
            SQLException wrong = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(pg.jdbcUrl(), pg.appUser(), "wrong").close());
            assertEquals("28P01", wrong.getSQLState());
        }
        assertFalse(Files.exists(dataDir), "temporary data directory removed on close");
    }

    @Test
    void aPersistentDataDirectorySurvivesARestart(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("pgdata");
        try (LocalPostgres pg = LocalPostgres.start(dataDir, 0)) {
            assertTrue(pg.persistent());
            try (Connection owner = DriverManager.getConnection(pg.jdbcUrl(), pg.ownerUser(), pg.ownerPassword());
                 Statement s = owner.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('还在')");
            }
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("PG_VERSION")), "data directory kept after close");
        assertTrue(Files.isRegularFile(tmp.resolve("pgdata.log")), "server log next to the data directory");

        try (LocalPostgres pg = LocalPostgres.start(dataDir, 0); // second start: roles and database already there
             Connection owner = DriverManager.getConnection(pg.jdbcUrl(), pg.ownerUser(), pg.ownerPassword());
             Statement s = owner.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertTrue(rs.next());
            assertEquals("还在", rs.getString(1));
            assertFalse(rs.next());
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
