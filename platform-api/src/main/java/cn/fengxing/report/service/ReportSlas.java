package cn.fengxing.report.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.report.api.SlaSettings;
import cn.fengxing.report.api.SlaSettings.Effective;
import cn.fengxing.report.api.SlaSettings.Override;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.report.entity.ReportSla;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Report SLAs of the current township: time to dispatch, to resolve, and until an unverified resolved
 * report closes; one category may override any of them. A township that set nothing gets
 * {@link #DEFAULTS} (docs/product.md §3.1: classify and dispatch within 10 minutes).
 */
@ApplicationScoped
public class ReportSlas {

    public static final Effective DEFAULTS = new Effective(10, 72, 7);

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Transactional
    public SlaSettings get() {
        Effective township = township();
        Map<Long, String> codes = new HashMap<>();
        ReportCategory.<ReportCategory>listAll().forEach(c -> codes.put(c.id, c.code));
        List<Override> overrides = ReportSla.<ReportSla>list("categoryId is not null order by id").stream()
                .map(o -> new Override(codes.get(o.categoryId), o.dispatchMinutes, o.resolveHours, o.autoCloseDays))
                .toList();
        return new SlaSettings(township.dispatchMinutes(), township.resolveHours(), township.autoCloseDays(), overrides);
    }

    /** Replaces the township's SLA and its overrides (an override left out is removed). */
    @Transactional
    public SlaSettings put(SlaSettings settings) {
        List<String> changes = write(settings, "", true);
        if (!changes.isEmpty()) {
            audit.record(tenant.code(), "report.sla.update", null, Map.of("changes", changes));
        }
        return get();
    }

    /** Manifest section {@code sla}: sets the township's SLA and adds or updates overrides, never removes one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(SlaSettings settings, String key) {
        return write(settings, key + ".", false);
    }

    /** The SLA for a report of this category: its overrides over the township's. */
    @Transactional
    public Effective forCategory(long categoryId) {
        Effective township = township();
        ReportSla o = ReportSla.<ReportSla>find("categoryId", categoryId).firstResult();
        return o == null ? township : new Effective(
                Objects.requireNonNullElse(o.dispatchMinutes, township.dispatchMinutes()),
                Objects.requireNonNullElse(o.resolveHours, township.resolveHours()),
                Objects.requireNonNullElse(o.autoCloseDays, township.autoCloseDays()));
    }

    private static Effective township() {
        ReportSla row = ReportSla.<ReportSla>find("categoryId is null").firstResult();
        return row == null ? DEFAULTS : new Effective(row.dispatchMinutes, row.resolveHours, row.autoCloseDays);
    }

    private static List<String> write(SlaSettings settings, String prefix, boolean replace) {
        Map<String, Long> categories = checkOverrides(settings, prefix);
        List<String> changes = new ArrayList<>();
        ReportSla township = ReportSla.<ReportSla>find("categoryId is null").firstResult();
        if (township == null) {
            township = new ReportSla();
        }
        if (set(township, settings.dispatchMinutes(), settings.resolveHours(), settings.autoCloseDays())) {
            township.persist();
            changes.add("~ sla " + settings.dispatchMinutes() + "min/" + settings.resolveHours() + "h/"
                    + settings.autoCloseDays() + "d");
        }
        Set<Long> kept = new HashSet<>();
        for (Override o : settings.overrideList()) {
            long categoryId = categories.get(o.category());
            kept.add(categoryId);
            ReportSla row = ReportSla.<ReportSla>find("categoryId", categoryId).firstResult();
            boolean created = row == null;
            if (created) {
                row = new ReportSla();
                row.categoryId = categoryId;
            }
            if (set(row, o.dispatchMinutes(), o.resolveHours(), o.autoCloseDays())) {
                row.persist();
                changes.add((created ? "+" : "~") + " sla override " + o.category());
            }
        }
        if (replace) {
            for (ReportSla row : ReportSla.<ReportSla>list("categoryId is not null")) {
                if (!kept.contains(row.categoryId)) {
                    changes.add("- sla override " + ReportCategory.<ReportCategory>findById(row.categoryId).code);
                    row.delete();
                }
            }
        }
        return changes;
    }

    /** Each override names a known category, once, and overrides something. Returns code → id. */
    private static Map<String, Long> checkOverrides(SlaSettings settings, String prefix) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        List<Override> overrides = settings.overrideList();
        for (int i = 0; i < overrides.size(); i++) {
            Override o = overrides.get(i);
            String field = prefix + "overrides[" + i + "]";
            ReportCategory c = ReportCategory.byCode(o.category()).orElse(null);
            if (c == null) {
                violations.add(new Violation(field + ".category", "report.category.unknown", o.category()));
            } else if (ids.put(o.category(), c.id) != null) {
                violations.add(new Violation(field + ".category", "report.sla.duplicate-override", o.category()));
            }
            if (o.dispatchMinutes() == null && o.resolveHours() == null && o.autoCloseDays() == null) {
                violations.add(new Violation(field, "report.sla.empty-override", o.category()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return ids;
    }

    /** Sets the values; true when anything changed. */
    private static boolean set(ReportSla row, Integer dispatchMinutes, Integer resolveHours, Integer autoCloseDays) {
        if (row.id != null && Objects.equals(row.dispatchMinutes, dispatchMinutes)
                && Objects.equals(row.resolveHours, resolveHours) && Objects.equals(row.autoCloseDays, autoCloseDays)) {
            return false;
        }
        row.dispatchMinutes = dispatchMinutes;
        row.resolveHours = resolveHours;
        row.autoCloseDays = autoCloseDays;
        return true;
    }
}
