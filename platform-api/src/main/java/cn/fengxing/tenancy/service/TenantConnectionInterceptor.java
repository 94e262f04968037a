package cn.fengxing.tenancy.service;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Puts the current tenant on every pooled connection as {@code app.tenant_id}, which the
 * row-level security policies of all tenant tables compare against. Agroal calls this after the
 * connection joined the JTA transaction, once per transaction and on every path (REST,
 * scheduler, raw JDBC): inside a transaction the setting is transaction-local; for autocommit
 * use it is session-level and cleared again when the connection goes back to the pool.
 */
@ApplicationScoped
public class TenantConnectionInterceptor implements AgroalPoolInterceptor {

    @Inject
    TenantContext context;

    @Override
    public void onConnectionAcquire(Connection connection) {
        String tenant = Arc.container().requestContext().isActive() && context.isSet() ? context.code() : "";
        try {
            set(connection, tenant, !connection.getAutoCommit());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the tenant on a database connection", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            if (connection.getAutoCommit()) {
                set(connection, "", false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear the tenant of a database connection", e);
        }
    }

    private static void set(Connection connection, String tenant, boolean local) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select set_config('app.tenant_id', ?, ?)")) {
            st.setString(1, tenant);
            st.setBoolean(2, local);
            st.execute();
        }
    }
}
