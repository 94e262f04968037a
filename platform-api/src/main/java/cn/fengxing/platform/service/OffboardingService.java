package cn.fengxing.platform.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.storage.BlobStore;
import cn.fengxing.platform.api.OffboardResult;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offboarding 注销: deletes every row of a suspended township, in every table that holds its rows, in one
 * transaction, then its files once that transaction committed. The operator takes the export first
 * ({@link ExportService}); the platform's audit log keeps who offboarded which township, what was deleted and
 * when it was last exported. Its code is free again afterwards: applying a manifest onboards it from scratch.
 */
@ApplicationScoped
public class OffboardingService {

    private static final Logger LOG = Logger.getLogger(OffboardingService.class);

    @Inject
    TenantWork tenantWork;

    @Inject
    TenantTables tables;

    @Inject
    EntityManager em;

    @Inject
    BlobStore blobs;

    @Inject
    AuditLog audit;

    private record Deleted(Map<String, Integer> rows, List<String> files) {
    }

    public OffboardResult offboard(String code, String confirm) {
        if (!code.equals(confirm)) {
            throw ProblemException.badRequest("tenant.offboard.confirm", code);
        }
        Deleted deleted = tenantWork.inTenant(code, () -> {
            // locked, so a concurrent resume waits for this transaction and then finds no township
            @SuppressWarnings("unchecked")
            List<String> status = em.createNativeQuery("select status from tenant where code = ?1 for update")
                    .setParameter(1, code).getResultList();
            if (status.isEmpty()) {
                throw ProblemException.notFound("tenant.unknown", code);
            }
            if (!Tenant.SUSPENDED.equals(status.get(0))) {
                throw ProblemException.conflict("tenant.offboard.active", code);
            }
            Map<String, Object> lastExport = lastExport(code);
            List<String> files = blobs.list(code + "/");
            Map<String, Integer> rows = tables.deleteAll(code);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rows", rows);
            details.put("files", files.size());
            details.putAll(lastExport);
            audit.record(null, "tenant.offboard", code, details);
            return new Deleted(rows, files);
        });
        // after the commit: a rolled-back offboarding keeps every file
        int failed = 0;
        for (String key : deleted.files()) {
            try {
                blobs.delete(key);
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf(e, "offboarded township %s: cannot delete file %s", code, key);
            }
        }
        if (failed > 0) {
            LOG.errorf("offboarded township %s: %d of %d files could not be deleted; remove them under %s/",
                    code, failed, deleted.files().size(), code);
        }
        return new OffboardResult(code, deleted.rows(), deleted.files().size());
    }

    /** When and by whom the township was last exported, from its audit log (empty when never). */
    private Map<String, Object> lastExport(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), actor from audit_log
                 where tenant_code = ?1 and action = 'tenant.export' order by at desc, id desc limit 1""")
                .setParameter(1, code).getResultList();
        return rows.isEmpty() ? Map.of("exportedAt", "")
                : Map.of("exportedAt", rows.get(0)[0], "exportedBy", rows.get(0)[1]);
    }
}
