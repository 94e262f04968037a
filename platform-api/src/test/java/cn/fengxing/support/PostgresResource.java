package cn.fengxing.support;

import cn.fengxing.local.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real PostgreSQL for the tests (embedded binaries, temporary data directory), with the same
 * owner and application roles as every deployment: the API pool connects as the application role.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = LocalPostgres.start(null, 0);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.appUser(),
                "quarkus.datasource.password", postgres.appPassword(),
                "quarkus.liquibase.username", postgres.ownerUser(),
                "quarkus.liquibase.password", postgres.ownerPassword());
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** The running server, for tests that inspect it as superuser or as the application role. */
    public static LocalPostgres postgres() {
        return postgres;
    }
}
