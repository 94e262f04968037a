package cn.fengxing.report.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.report.api.CategoryInput;
import cn.fengxing.report.api.CategoryView;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Report categories of the current township: groups and their sub-categories (two levels). A category
 * is never deleted, because reports will refer to it; it is deactivated and the rider app stops
 * offering it.
 */
@ApplicationScoped
public class ReportCategories {

    /** The order the rider app lists them in. */
    private static final Sort SORT = Sort.by("sortOrder").and("code");

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Transactional
    public Page<CategoryView> list(Boolean active, int page, int size) {
        var query = active == null ? ReportCategory.findAll(SORT)
                : ReportCategory.find("active = :active", SORT, Parameters.with("active", active));
        List<ReportCategory> items = query.page(page, size).list();
        Map<Long, String> codes = codes();
        return new Page<>(items, page, size, query.count()).map(c -> CategoryView.of(c, codes.get(c.parentId)));
    }

    @Transactional
    public CategoryView get(long id) {
        return view(require(id));
    }

    @Transactional
    public CategoryView create(CategoryInput input) {
        if (ReportCategory.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("report.category.code-taken", input.code());
        }
        ReportCategory c = new ReportCategory();
        write(c, input, check(input, null, "", Map.of()));
        c.persist();
        audit.record(tenant.code(), "report.category.create", c.code, details(input));
        return view(c);
    }

    @Transactional
    public CategoryView update(long id, CategoryInput input) {
        ReportCategory c = require(id);
        if (!c.code.equals(input.code()) && ReportCategory.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("report.category.code-taken", input.code());
        }
        write(c, input, check(input, c, "", Map.of()));
        c.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "report.category.update", c.code, details(input));
        return view(c);
    }

    /** Deactivates (never deletes): reports will keep pointing at the category. */
    @Transactional
    public void deactivate(long id) {
        ReportCategory c = require(id);
        if (c.active) {
            c.active = false;
            c.updatedAt = OffsetDateTime.now();
            audit.record(tenant.code(), "report.category.deactivate", c.code, Map.of());
        }
    }

    /** Manifest section {@code reportCategories}: adds or updates by code, groups before their sub-categories. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(List<CategoryInput> specs, String key) {
        Map<String, CategoryInput> inFile = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (inFile.putIfAbsent(specs.get(i).code(), specs.get(i)) != null) {
                violations.add(new Violation(key + "[" + i + "].code", "report.category.duplicate-code", specs.get(i).code()));
            }
        }
        for (int i = 0; i < specs.size(); i++) {
            CategoryInput spec = specs.get(i);
            check(spec, ReportCategory.byCode(spec.code()).orElse(null), key + "[" + i + "].", inFile, violations);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> changes = new ArrayList<>();
        for (CategoryInput spec : inFile.values().stream()
                .sorted(Comparator.comparing(s -> s.parent() != null)).toList()) {
            ReportCategory c = ReportCategory.byCode(spec.code()).orElse(null);
            Long parentId = spec.parent() == null ? null : ReportCategory.byCode(spec.parent()).orElseThrow().id;
            if (c == null) {
                c = new ReportCategory();
                write(c, spec, parentId);
                c.persist();
                changes.add("+ report category " + c.code);
            } else if (!same(c, spec, parentId)) {
                write(c, spec, parentId);
                c.updatedAt = OffsetDateTime.now();
                changes.add("~ report category " + c.code);
            }
        }
        return changes;
    }

    /**
     * Seeds {@link DefaultCategories} when the township has no category at all. Categories are never
     * deleted, so once a township has had any (defaults or its own) this does nothing: the defaults
     * land exactly once and an admin's renamed or deactivated default is never brought back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> seedDefaults() {
        if (ReportCategory.count() > 0) {
            return List.of();
        }
        return apply(DefaultCategories.ALL, "reportCategories");
    }

    /** The category or a 404; for the other report settings. */
    static ReportCategory require(long id) {
        return ReportCategory.<ReportCategory>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("report.category.unknown", id));
    }

    private static Long check(CategoryInput input, ReportCategory existing, String prefix, Map<String, CategoryInput> inFile) {
        List<Violation> violations = new ArrayList<>();
        Long parentId = check(input, existing, prefix, inFile, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return parentId;
    }

    /**
     * Checks a category against the stored ones (and, for the manifest, the other entries of the file):
     * its parent is a known group, it is not itself a group with sub-categories being moved under
     * another, and an emergency stop says whom to call. Returns the stored parent's id, if any.
     */
    private static Long check(CategoryInput input, ReportCategory existing, String prefix,
                              Map<String, CategoryInput> inFile, List<Violation> violations) {
        if (input.isEmergencyStop() && (input.hotlineText() == null || input.hotlineText().isBlank())) {
            violations.add(new Violation(prefix + "hotlineText", "report.category.hotline-required"));
        }
        if (input.parent() == null) {
            return null;
        }
        String field = prefix + "parent";
        if (input.parent().equals(input.code())) {
            violations.add(new Violation(field, "report.category.parent-itself"));
            return null;
        }
        if (existing != null && ReportCategory.count("parentId", existing.id) > 0) {
            violations.add(new Violation(field, "report.category.has-children", existing.code));
        }
        CategoryInput fileParent = inFile.get(input.parent());
        ReportCategory stored = ReportCategory.byCode(input.parent()).orElse(null);
        if (fileParent == null && stored == null) {
            violations.add(new Violation(field, "report.category.unknown-parent", input.parent()));
            return null;
        }
        boolean parentIsGroup = fileParent != null ? fileParent.parent() == null : stored.parentId == null;
        if (!parentIsGroup) {
            violations.add(new Violation(field, "report.category.parent-level"));
        }
        return stored == null ? null : stored.id;
    }

    private static void write(ReportCategory c, CategoryInput input, Long parentId) {
        c.code = input.code();
        c.nameZh = input.nameZh();
        c.nameEn = input.nameEn();
        c.parentId = parentId;
        c.urgent = input.isUrgent();
        c.emergencyStop = input.isEmergencyStop();
        c.hotlineText = blankToNull(input.hotlineText());
        c.active = input.isActive();
        c.sortOrder = input.order();
        c.comparisonGroup = input.comparisonGroup();
    }

    private static boolean same(ReportCategory c, CategoryInput in, Long parentId) {
        return c.nameZh.equals(in.nameZh()) && c.nameEn.equals(in.nameEn()) && Objects.equals(c.parentId, parentId)
                && c.urgent == in.isUrgent() && c.emergencyStop == in.isEmergencyStop()
                && Objects.equals(c.hotlineText, blankToNull(in.hotlineText())) && c.active == in.isActive()
                && c.sortOrder == in.order() && Objects.equals(c.comparisonGroup, in.comparisonGroup());
    }

    private static Map<String, Object> details(CategoryInput in) {
        Map<String, Object> details = new HashMap<>();
        details.put("nameZh", in.nameZh());
        details.put("parent", in.parent());
        details.put("urgent", in.isUrgent());
        details.put("emergencyStop", in.isEmergencyStop());
        details.put("active", in.isActive());
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static CategoryView view(ReportCategory c) {
        return CategoryView.of(c, c.parentId == null ? null : ReportCategory.<ReportCategory>findById(c.parentId).code);
    }

    private static Map<Long, String> codes() {
        Map<Long, String> codes = new HashMap<>();
        ReportCategory.<ReportCategory>listAll().forEach(c -> codes.put(c.id, c.code));
        return codes;
    }
}
