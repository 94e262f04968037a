package cn.fengxing.report.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.report.api.DepartmentInput;
import cn.fengxing.report.api.DepartmentView;
import cn.fengxing.report.entity.Department;
import cn.fengxing.report.entity.RoutingRule;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Departments 部门 of the current township and whom to call in each. */
@ApplicationScoped
public class Departments {

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Transactional
    public Page<DepartmentView> list(Boolean active, int page, int size) {
        var query = active == null ? Department.findAll(Sort.by("code"))
                : Department.find("active = :active", Sort.by("code"), Parameters.with("active", active));
        return new Page<>(query.page(page, size).<Department>list(), page, size, query.count()).map(DepartmentView::of);
    }

    @Transactional
    public DepartmentView get(long id) {
        return DepartmentView.of(require(id));
    }

    @Transactional
    public DepartmentView create(DepartmentInput input) {
        if (Department.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("report.department.code-taken", input.code());
        }
        Department d = new Department();
        write(d, input);
        d.persist();
        audit.record(tenant.code(), "report.department.create", d.code, details(d));
        return DepartmentView.of(d);
    }

    @Transactional
    public DepartmentView update(long id, DepartmentInput input) {
        Department d = require(id);
        if (!d.code.equals(input.code()) && Department.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("report.department.code-taken", input.code());
        }
        write(d, input);
        d.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "report.department.update", d.code, details(d));
        return DepartmentView.of(d);
    }

    /** Removes a department no routing rule sends reports to (409 otherwise: change the rules or deactivate it). */
    @Transactional
    public void delete(long id) {
        Department d = require(id);
        if (RoutingRule.count("departmentId", d.id) > 0) {
            throw ProblemException.conflict("report.department.in-use", d.code);
        }
        d.delete();
        audit.record(tenant.code(), "report.department.delete", d.code, Map.of());
    }

    /** Manifest section {@code departments}: adds or updates by code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(List<DepartmentInput> specs) {
        List<String> changes = new ArrayList<>();
        for (DepartmentInput spec : specs) {
            Department d = Department.byCode(spec.code()).orElse(null);
            if (d == null) {
                d = new Department();
                write(d, spec);
                d.persist();
                changes.add("+ department " + d.code);
            } else if (!d.name.equals(spec.name()) || !d.contacts.equals(contacts(spec)) || d.active != spec.isActive()) {
                write(d, spec);
                d.updatedAt = OffsetDateTime.now();
                changes.add("~ department " + d.code);
            }
        }
        return changes;
    }

    static Department require(long id) {
        return Department.<Department>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("report.department.unknown", id));
    }

    private static void write(Department d, DepartmentInput input) {
        d.code = input.code();
        d.name = input.name();
        d.contacts = contacts(input);
        d.active = input.isActive();
    }

    /** Stored as plain maps (jsonb); a missing duty is left out rather than stored as null. */
    private static List<Map<String, String>> contacts(DepartmentInput input) {
        return input.contactList().stream().map(c -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("phone", c.phone().strip());
            if (c.duty() != null && !c.duty().isBlank()) {
                m.put("duty", c.duty().strip());
            }
            return m;
        }).toList();
    }

    /** Names and counts only: contacts' phone numbers stay out of the audit log. */
    private static Map<String, Object> details(Department d) {
        return Map.of("name", d.name, "contacts", d.contacts.size(), "active", d.active);
    }
}
