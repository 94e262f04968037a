package cn.fengxing.tenancy;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.tenancy.service.TenantWork;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The second lock: PostgreSQL row-level security holds even for SQL that forgets the tenant. */
@QuarkusTest
class RowLevelSecurityTest {

    @Inject
    TenantWork tenantWork;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void townships() {
        TestTenants.onboard("rls-a", 100.0, 20.0);
        TestTenants.onboard("rls-b", 101.0, 20.0);
    }

    /** Tenant of every grid row visible to native SQL without a tenant predicate, and the backend serving it. */
    private Seen seen() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            List<String> tenants = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select distinct tenant_id from grid")) {
                while (rs.next()) {
                    tenants.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
                rs.next();
                return new Seen(tenants, rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Seen(List<String> tenants, int backend) {
    }

    @Test
    void nativeSqlWithoutTenantPredicateSeesOnlyTheTransactionsTenantOnTheSamePooledConnection() {
        assertThat(Db.strings("select distinct tenant_id from grid")).contains("rls-a", "rls-b");

        Seen a = tenantWork.inTenant("rls-a", this::seen);
        Seen b = tenantWork.inTenant("rls-b", this::seen);

        assertThat(a.tenants()).containsExactly("rls-a");
        assertThat(b.tenants()).containsExactly("rls-b");
        assertThat(b.backend()).as("the pool handed the same connection to both transactions").isEqualTo(a.backend());
    }

    @Test
    void withoutATenantNoTenantRowIsVisibleOrWritable() {
        assertThat(QuarkusTransaction.requiringNew().call(this::seen).tenants()).isEmpty();
        assertThat(seen().tenants()).as("autocommit use, outside any transaction").isEmpty();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("insert into community (tenant_id, code, name) values ('rls-a', 'sneak', 'x')");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        })).hasRootCauseMessage("ERROR: new row violates row-level security policy for table \"community\"");
    }

    @Test
    void aTenantCannotWriteAnotherTenantsRowsEvenWithNativeSql() {
        assertThatThrownBy(() -> tenantWork.inTenant("rls-a", () -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                return st.executeUpdate("insert into community (tenant_id, code, name) values ('rls-b', 'sneak', 'x')");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        })).hasRootCauseMessage("ERROR: new row violates row-level security policy for table \"community\"");
        int updated = tenantWork.inTenant("rls-a", () -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                return st.executeUpdate("update community set name = 'taken' where tenant_id = 'rls-b'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(updated).isZero();
        assertThat(Db.count("select count(*) from community where name = 'taken'")).isZero();
    }

    @Test
    void theApplicationRoleCannotSwitchRowLevelSecurityOff() throws SQLException {
        try (Connection c = Db.app(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("alter table grid disable row level security"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> st.execute("alter table grid no force row level security"))
                    .hasMessageContaining("must be owner");
            st.execute("set row_security = off");
            assertThatThrownBy(() -> st.executeQuery("select count(*) from grid"))
                    .hasMessageContaining("row-level security");
            try (ResultSet rs = st.executeQuery("select rolbypassrls, rolsuper from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getBoolean(2)).isFalse();
            }
        }
    }
}
