package cn.fengxing.tenancy;

import cn.fengxing.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the catalog after the migrations: every table is either platform data (listed here, on
 * purpose) or tenant data with tenant_id, forced row-level security and the tenant policy. A new
 * table that is neither fails the build.
 */
@QuarkusTest
class SchemaGuardTest {

    private static final Set<String> PLATFORM_TABLES = Set.of(
            "region", "tenant", "membership", "region_grant", "audit_log",
            // invitations bind at sign-in, before any township is chosen, like memberships
            "member_invitation",
            // regional comparison's read model: counters per township, no personal rows (adr/0005-township-figures.md)
            "township_day", "township_period", "township_day_dirty",
            // a number per township that its grid writes renew, so every instance knows when its grid index is stale
            "grid_version",
            // keys of files whose transaction has not committed yet, swept across townships when it died
            "blob_pending",
            "databasechangelog", "databasechangeloglock");

    private static final String TABLES = """
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p')""";

    @Test
    void everyTableIsPlatformDataOrLockedTenantData() {
        List<String> tables = Db.strings(TABLES);
        assertThat(tables).contains("community", "grid");
        for (String table : tables) {
            if (PLATFORM_TABLES.contains(table)) {
                continue;
            }
            assertThat(Db.count("select count(*) from information_schema.columns where table_schema = 'public' "
                    + "and table_name = '" + table + "' and column_name = 'tenant_id' and is_nullable = 'NO'"))
                    .as("%s has a non-null tenant_id", table).isEqualTo(1);
            assertThat(Db.strings("select relrowsecurity::text || relforcerowsecurity::text from pg_class "
                    + "where relname = '" + table + "' and relnamespace = 'public'::regnamespace"))
                    .as("%s has row-level security enabled and forced", table).containsExactly("truetrue");
            assertThat(Db.strings("select qual || ' / ' || with_check from pg_policies where schemaname = 'public' "
                    + "and tablename = '" + table + "' and policyname = 'tenant_isolation' and cmd = 'ALL'"))
                    .as("%s has the tenant_isolation policy on app.tenant_id for reads and writes", table)
                    .singleElement().asString()
                    .contains("(tenant_id = current_setting('app.tenant_id'::text, true))")
                    .endsWith("(tenant_id = current_setting('app.tenant_id'::text, true))");
            assertThat(Db.count("select count(*) from pg_constraint where conrelid = 'public." + table + "'::regclass "
                    + "and contype = 'c' and pg_get_constraintdef(oid) like '%tenant_id <> %'"))
                    .as("%s refuses an empty tenant_id", table).isEqualTo(1);
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() {
        assertThat(Db.count("select count(*) from pg_class where relowner = 'fengxing_app'::regrole")).isZero();
        assertThat(Db.strings("select rolbypassrls::text || rolsuper::text from pg_roles where rolname = 'fengxing_app'"))
                .containsExactly("falsefalse");
    }

    @Test
    void foreignKeysBetweenTenantTablesIncludeTheTenant() {
        List<String> keys = Db.strings("""
                select pg_get_constraintdef(k.oid) from pg_constraint k
                  join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
                 where k.contype = 'f' and c.relnamespace = 'public'::regnamespace
                   and r.relname not in ('tenant', 'region')
                   and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')""");
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith("FOREIGN KEY (tenant_id, "));
    }
}
