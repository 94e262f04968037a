package cn.fengxing.support;

import cn.fengxing.local.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on the test database, around the API: as superuser (sees every row) or as the application role. */
public final class Db {

    private Db() {
    }

    public static Connection superuser() throws SQLException {
        LocalPostgres pg = PostgresResource.postgres();
        return DriverManager.getConnection(pg.jdbcUrl(), pg.superuser(), pg.superuserPassword());
    }

    public static Connection app() throws SQLException {
        LocalPostgres pg = PostgresResource.postgres();
        return DriverManager.getConnection(pg.jdbcUrl(), pg.appUser(), pg.appPassword());
    }

    public static long count(String sql) {
        return Long.parseLong(strings(sql).get(0));
    }

    /** First column of every row, read as superuser so row-level security hides nothing from the check. */
    public static List<String> strings(String sql) {
        try (Connection c = superuser(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
