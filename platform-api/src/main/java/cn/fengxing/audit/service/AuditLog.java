package cn.fengxing.audit.service;

import cn.fengxing.audit.entity.AuditEntry;
import cn.fengxing.identity.service.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

/** Records configuration changes and personal-data access, in the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String tenantCode, String action, String target, Map<String, Object> details) {
        AuditEntry entry = new AuditEntry();
        entry.actor = caller.subject();
        entry.tenantCode = tenantCode;
        entry.action = action;
        entry.target = target;
        entry.details = details;
        entry.persist();
    }
}
