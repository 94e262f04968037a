package cn.fengxing.report.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.grid.entity.GridWorker;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Members;
import cn.fengxing.report.api.Assignee;
import cn.fengxing.report.api.DepartmentView;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.api.RoutingProposal;
import cn.fengxing.report.api.RoutingRuleInput;
import cn.fengxing.report.api.RoutingRuleView;
import cn.fengxing.report.api.RuleLevel;
import cn.fengxing.report.api.TargetKind;
import cn.fengxing.report.entity.Department;
import cn.fengxing.report.entity.Report;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.report.entity.RoutingRule;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.text.Collator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Routing rules 派单规则 of the current township and the proposal they make for a report: the most
 * specific rule wins — the category in the report's community, the category anywhere, then the same
 * two for the category's group (so one rule for 消防隐患 covers 燃气泄漏 and 消防通道堵塞).
 */
@ApplicationScoped
public class RoutingRules {

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Inject
    Members members;

    @Transactional
    public Page<RoutingRuleView> list(String categoryCode, int page, int size) {
        var query = categoryCode == null ? RoutingRule.findAll(Sort.by("id"))
                : RoutingRule.find("categoryId", Sort.by("id"), categoryByCode(categoryCode).id);
        return new Page<>(query.page(page, size).<RoutingRule>list(), page, size, query.count()).map(this::view);
    }

    @Transactional
    public RoutingRuleView get(long id) {
        return view(require(id));
    }

    @Transactional
    public RoutingRuleView create(RoutingRuleInput input) {
        Resolved r = check(input, "");
        if (find(r.categoryId, r.communityId) != null) {
            throw ProblemException.conflict("report.rule.duplicate", input.category(), scope(input));
        }
        RoutingRule rule = new RoutingRule();
        write(rule, input, r);
        rule.persist();
        audit.record(tenant.code(), "report.rule.create", String.valueOf(rule.id), details(input));
        return view(rule);
    }

    @Transactional
    public RoutingRuleView update(long id, RoutingRuleInput input) {
        RoutingRule rule = require(id);
        Resolved r = check(input, "");
        RoutingRule other = find(r.categoryId, r.communityId);
        if (other != null && !other.id.equals(rule.id)) {
            throw ProblemException.conflict("report.rule.duplicate", input.category(), scope(input));
        }
        write(rule, input, r);
        rule.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "report.rule.update", String.valueOf(rule.id), details(input));
        return view(rule);
    }

    @Transactional
    public void delete(long id) {
        RoutingRule rule = require(id);
        RoutingRuleView before = view(rule);
        rule.delete();
        audit.record(tenant.code(), "report.rule.delete", String.valueOf(id),
                Map.of("category", before.category(), "community", Objects.requireNonNullElse(before.community(), "*")));
    }

    /** Manifest section {@code routingRules}: adds or updates, matched by category and community. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(List<RoutingRuleInput> specs, String key) {
        List<Violation> violations = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            resolved.add(check(specs.get(i), key + "[" + i + "].", violations));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RoutingRuleInput spec = specs.get(i);
            Resolved r = resolved.get(i);
            RoutingRule rule = find(r.categoryId, r.communityId);
            String line = " routing rule " + spec.category() + "@" + scope(spec);
            if (rule == null) {
                rule = new RoutingRule();
                write(rule, spec, r);
                rule.persist();
                changes.add("+" + line);
            } else if (!same(rule, spec, r)) {
                write(rule, spec, r);
                rule.updatedAt = OffsetDateTime.now();
                changes.add("~" + line);
            }
        }
        return changes;
    }

    /**
     * The proposal for a report of this category (code) in this community (code, optional) and grid (id,
     * optional: without it a grid_worker_of_grid rule names nobody).
     */
    @Transactional
    public RoutingProposal resolve(String categoryCode, String communityCode, Long gridId) {
        ReportCategory category = categoryByCode(categoryCode);
        Long communityId = communityCode == null ? null : Community.byCode(communityCode)
                .orElseThrow(() -> ProblemException.notFound("community.unknown", communityCode)).id;
        RoutingRule rule = null;
        String matchedBy = null;
        List<Long> categories = category.parentId == null ? List.of(category.id) : List.of(category.id, category.parentId);
        for (int i = 0; i < categories.size() && rule == null; i++) {
            String level = i == 0 ? "category" : "group";
            if (communityId != null && (rule = find(categories.get(i), communityId)) != null) {
                matchedBy = level + "+community";
            } else if ((rule = find(categories.get(i), null)) != null) {
                matchedBy = level;
            }
        }
        Department department = rule == null || rule.departmentId == null ? null : Department.findById(rule.departmentId);
        return new RoutingProposal(rule != null, rule == null ? null : view(rule), matchedBy,
                department == null ? null : DepartmentView.of(department), rule == null ? null : assignee(rule, department, gridId),
                category.urgent, category.emergencyStop, category.hotlineText);
    }

    /**
     * The concrete assignee of a rule: its department if active, its handler if still an active handler, or
     * of the report's grid the worker (an active handler) with the fewest open reports assigned, then by
     * name (pinyin order), then subject.
     */
    private Assignee assignee(RoutingRule rule, Department department, Long gridId) {
        return switch (TargetKind.valueOf(rule.targetKind)) {
            case department -> department != null && department.active
                    ? new Assignee(Report.ASSIGNEE_DEPARTMENT, null, department.code, department.name) : null;
            case handler -> members.holds(tenant.code(), rule.handlerSubject, Role.HANDLER)
                    ? handler(rule.handlerSubject) : null;
            case grid_worker_of_grid -> gridId == null ? null : leastLoaded(gridId);
        };
    }

    private Assignee leastLoaded(long gridId) {
        Map<String, String> handlers = members.namesHolding(tenant.code(), Role.HANDLER);
        List<String> workers = GridWorker.<GridWorker>list("gridId", gridId).stream().map(w -> w.subject)
                .filter(handlers::containsKey).toList();
        if (workers.isEmpty()) {
            return null;
        }
        Map<String, Long> load = new HashMap<>();
        Report.getEntityManager().createQuery("select r.assigneeSubject, count(r) from Report r where r.assigneeSubject in "
                        + ":workers and r.state in :open group by r.assigneeSubject", Object[].class)
                .setParameter("workers", workers).setParameter("open", ReportState.OPEN).getResultList()
                .forEach(row -> load.put((String) row[0], (Long) row[1]));
        // names in the order Chinese readers expect (by pinyin), so the rule is predictable for people
        Comparator<String> byName = Comparator.comparing(handlers::get, Comparator.nullsLast(Collator.getInstance(Locale.CHINA)));
        String pick = workers.stream().min(Comparator.<String>comparingLong(s -> load.getOrDefault(s, 0L))
                .thenComparing(byName).thenComparing(Comparator.naturalOrder())).orElseThrow();
        return new Assignee(Report.ASSIGNEE_HANDLER, pick, null, handlers.get(pick));
    }

    private Assignee handler(String subject) {
        return new Assignee(Report.ASSIGNEE_HANDLER, subject, null,
                members.find(tenant.code(), subject).map(m -> m.name).orElse(null));
    }

    // ---- shared

    /** Ids a checked rule refers to. */
    private record Resolved(Long categoryId, Long communityId, Long departmentId) {
    }

    private Resolved check(RoutingRuleInput input, String prefix) {
        List<Violation> violations = new ArrayList<>();
        Resolved r = check(input, prefix, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return r;
    }

    /** The category, community and department exist; the target names exactly what its kind needs. */
    private Resolved check(RoutingRuleInput input, String prefix, List<Violation> violations) {
        Long categoryId = ReportCategory.byCode(input.category()).map(c -> c.id).orElse(null);
        if (categoryId == null) {
            violations.add(new Violation(prefix + "category", "report.category.unknown", input.category()));
        }
        Long communityId = null;
        if (input.community() != null) {
            communityId = Community.byCode(input.community()).map(c -> c.id).orElse(null);
            if (communityId == null) {
                violations.add(new Violation(prefix + "community", "community.unknown", input.community()));
            }
        }
        TargetKind kind = input.target();
        if ((kind == TargetKind.handler) != (input.handler() != null)) {
            violations.add(new Violation(prefix + "handler", kind == TargetKind.handler
                    ? "report.rule.handler-required" : "report.rule.target-field", kind));
        } else if (kind == TargetKind.handler && !members.holds(tenant.code(), input.handler(), Role.HANDLER)) {
            violations.add(new Violation(prefix + "handler", "report.rule.not-handler", input.handler()));
        }
        Long departmentId = null;
        if ((kind == TargetKind.department) != (input.department() != null)) {
            violations.add(new Violation(prefix + "department", kind == TargetKind.department
                    ? "report.rule.department-required" : "report.rule.target-field", kind));
        } else if (kind == TargetKind.department) {
            departmentId = Department.byCode(input.department()).map(d -> d.id).orElse(null);
            if (departmentId == null) {
                violations.add(new Violation(prefix + "department", "report.department.unknown", input.department()));
            }
        }
        return new Resolved(categoryId, communityId, departmentId);
    }

    private static RoutingRule find(long categoryId, Long communityId) {
        return communityId == null
                ? RoutingRule.<RoutingRule>find("categoryId = ?1 and communityId is null", categoryId).firstResult()
                : RoutingRule.<RoutingRule>find("categoryId = ?1 and communityId = ?2", categoryId, communityId).firstResult();
    }

    private static void write(RoutingRule rule, RoutingRuleInput input, Resolved r) {
        rule.categoryId = r.categoryId;
        rule.communityId = r.communityId;
        rule.level = input.level().name();
        rule.targetKind = input.target().name();
        rule.handlerSubject = input.handler();
        rule.departmentId = r.departmentId;
    }

    private static boolean same(RoutingRule rule, RoutingRuleInput in, Resolved r) {
        return rule.level.equals(in.level().name()) && rule.targetKind.equals(in.target().name())
                && Objects.equals(rule.handlerSubject, in.handler()) && Objects.equals(rule.departmentId, r.departmentId);
    }

    private RoutingRuleView view(RoutingRule rule) {
        ReportCategory category = ReportCategory.findById(rule.categoryId);
        Community community = rule.communityId == null ? null : Community.findById(rule.communityId);
        Department department = rule.departmentId == null ? null : Department.findById(rule.departmentId);
        String handlerName = members.find(tenant.code(), rule.handlerSubject).map(m -> m.name).orElse(null);
        return new RoutingRuleView(rule.id, rule.categoryId, category.code, rule.communityId,
                community == null ? null : community.code, RuleLevel.valueOf(rule.level),
                TargetKind.valueOf(rule.targetKind), rule.handlerSubject, handlerName,
                rule.departmentId, department == null ? null : department.code);
    }

    private static ReportCategory categoryByCode(String code) {
        return ReportCategory.byCode(code).orElseThrow(() -> ProblemException.notFound("report.category.unknown", code));
    }

    private static RoutingRule require(long id) {
        return RoutingRule.<RoutingRule>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("report.rule.unknown", id));
    }

    private static String scope(RoutingRuleInput input) {
        return input.community() == null ? "*" : input.community();
    }

    private static Map<String, Object> details(RoutingRuleInput in) {
        Map<String, Object> details = new HashMap<>();
        details.put("category", in.category());
        details.put("community", scope(in));
        details.put("level", in.level().name());
        details.put("target", in.target().name());
        details.put("handler", in.handler());
        details.put("department", in.department());
        return details;
    }
}
