package cn.fengxing.platform.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.tenancy.service.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Offboarding export: every row the township owns, as a zip of JSON Lines files, one per table.
 * Tenant tables are found in the catalog (every table with a tenant_id column), so a table added
 * by a later migration is exported without touching this class.
 */
@ApplicationScoped
public class ExportService {

    /** Platform rows that belong to one township, with the column that names it. */
    private static final Map<String, String> PLATFORM_TABLES = Map.of(
            "tenant", "code", "membership", "tenant_code", "audit_log", "tenant_code");

    @Inject
    TenantWork tenantWork;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    public byte[] export(String code) {
        TenantService.require(code);
        return tenantWork.inTenant(code, () -> {
            audit.record(code, "tenant.export", code, Map.of());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                for (String table : PLATFORM_TABLES.keySet().stream().sorted().toList()) {
                    write(zip, "platform/" + table, rows(table, PLATFORM_TABLES.get(table), code));
                }
                for (String table : tenantTables()) {
                    write(zip, "tenant/" + table, rows(table, "tenant_id", code));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> tenantTables() {
        return em.createNativeQuery("""
                select c.relname from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                 where n.nspname = current_schema() and c.relkind in ('r', 'p')
                 order by c.relname""").getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String table, String column, String code) {
        // names come from the catalog or the constant above, never from the request
        return em.createNativeQuery("select row_to_json(t)::text from \"" + table + "\" t where \"" + column
                + "\" = ?1 order by 1").setParameter(1, code).getResultList();
    }

    private static void write(ZipOutputStream zip, String name, List<String> rows) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".jsonl"));
        for (String row : rows) {
            zip.write(row.getBytes(StandardCharsets.UTF_8));
            zip.write('\n');
        }
        zip.closeEntry();
    }
}
