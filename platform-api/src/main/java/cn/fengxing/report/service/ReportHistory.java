package cn.fengxing.report.service;

import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.identity.service.Members;
import cn.fengxing.report.api.HistoryEntry;
import cn.fengxing.report.api.ReportAction;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.entity.Department;
import cn.fengxing.report.entity.Report;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a township's earlier reports (manifest section {@code reportHistory}) as reports of source import: each
 * opened through the same step as the app's (placement, SLA) at its own past time, then moved through the
 * transition table step by step (ReportWorkflow.replay), so its times, assignee, rating and timeline are those of a
 * case worked here. An entry is imported once, by its code; later applies leave it alone, whatever the township has
 * done with it since. History is not announced to live queues and awards no points (no outbox event).
 */
@ApplicationScoped
public class ReportHistory {

    /** Steps whose actor is the reporter, or the system; every other step names its member. */
    private static final Set<ReportAction> REPORTER = EnumSet.of(ReportAction.verify_fixed, ReportAction.verify_not_fixed);

    /** Actor of steps taken by someone without an account here (a rider known only by the roster). */
    static final String IMPORTED = "import";

    @Inject
    TenantContext tenant;

    @Inject
    ManifestHistory history;

    @Inject
    Members members;

    @Inject
    ReportService reports;

    @Inject
    ReportWorkflow workflow;

    /** Imports the entries not imported yet; returns one change line for them all ("+ 197 reports of history"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(List<HistoryEntry> entries, String key) {
        Set<String> imported = new HashSet<>(Panache.getEntityManager()
                .createQuery("select importCode from Report where importCode is not null", String.class).getResultList());
        Set<String> known = new HashSet<>(imported); // what a duplicate may name: imported, or listed before it
        Township t = new Township(members.names(tenant.code()));
        return history.importNew(key, entries, imported, "reports", (e, field, filed, violations) -> {
            known.add(e.code());
            check(t, e, field, filed, known, violations);
        }, (e, filed) -> replay(t, e, filed));
    }

    /** What the entries name, read once for them all: members (with their names), categories, riders, departments. */
    private record Township(Map<String, String> members, Map<String, ReportCategory> categories, Map<String, Rider> riders,
                            Map<String, Long> departments) {

        Township(Map<String, String> members) {
            this(members, new HashMap<>(), new HashMap<>(), new HashMap<>());
            ReportCategory.<ReportCategory>listAll().forEach(c -> categories.put(c.code, c));
            Rider.<Rider>list("claimsRiderId is null").forEach(r -> riders.put(r.phone, r));
            Department.<Department>listAll().forEach(d -> departments.put(d.code, d.id));
        }
    }

    /** Everything that would stop the replay, named by field: nothing is imported unless every entry is sound. */
    private static void check(Township t, HistoryEntry e, String field, OffsetDateTime filed, Set<String> known,
                              List<Violation> violations) {
        if (!t.categories().containsKey(e.category())) {
            violations.add(new Violation(field + ".category", "report.category.unknown", e.category()));
        }
        if (e.rider() != null && !t.riders().containsKey(e.rider())) {
            violations.add(new Violation(field + ".rider", "manifest.history.rider", e.rider()));
        }
        ReportState state = ReportState.submitted;
        int previous = 0;
        for (int j = 0; j < e.steps().size(); j++) {
            HistoryEntry.Step s = e.steps().get(j);
            String at = field + ".steps[" + j + "]";
            if (!s.action().allowedFrom(state)) {
                violations.add(new Violation(at + ".action", "manifest.history.transition", s.action(), state));
                return; // later steps follow from a state the entry never reaches
            }
            state = s.action().target();
            if (s.minutes() < previous) {
                violations.add(new Violation(at + ".minutes", "manifest.history.order", previous));
            }
            previous = s.minutes();
            ManifestHistory.past(filed.plusMinutes(s.minutes()), at + ".minutes", violations);
            boolean reporterOrSystem = REPORTER.contains(s.action()) || s.action() == ReportAction.auto_close;
            if (!reporterOrSystem && !t.members().containsKey(s.by())) {
                violations.add(new Violation(at + ".by", "manifest.history.member", s.by()));
            }
            if (s.action() == ReportAction.dispatch && (s.handler() == null) == (s.department() == null)) {
                violations.add(new Violation(at, "manifest.history.assignee"));
            } else if (s.handler() != null && !t.members().containsKey(s.handler())) {
                violations.add(new Violation(at + ".handler", "manifest.history.member", s.handler()));
            } else if (s.department() != null && !t.departments().containsKey(s.department())) {
                violations.add(new Violation(at + ".department", "report.department.unknown", s.department()));
            }
            if ((s.action() == ReportAction.mark_duplicate) != (s.of() != null)
                    || s.of() != null && (s.of().equals(e.code()) || !known.contains(s.of()))) {
                violations.add(new Violation(at + ".of", "manifest.history.duplicate-of", s.of()));
            }
            if (!REPORTER.contains(s.action()) && (s.rating() != null || s.comment() != null)) {
                violations.add(new Violation(at + ".rating", "manifest.history.rating"));
            }
        }
    }

    private void replay(Township t, HistoryEntry e, OffsetDateTime filed) {
        ReportCategory category = t.categories().get(e.category());
        Rider rider = e.rider() == null ? null : t.riders().get(e.rider());
        ReportActors.Actor reporter = rider == null ? new ReportActors.Actor(IMPORTED, null)
                : new ReportActors.Actor(rider.subject != null ? rider.subject : IMPORTED, rider.name);
        Report r = reports.open(new ReportService.Opening(category, e.description(), e.lon(), e.lat(), e.address(),
                        Boolean.TRUE.equals(e.urgent()), Report.SOURCE_IMPORT, true),
                new ReportService.Reporter(rider == null ? null : rider.subject, rider == null ? null : rider.id, null),
                filed, reporter, Map.of("import", e.code()), k -> k.importCode = e.code());
        for (HistoryEntry.Step s : e.steps()) {
            ReportAction action = s.action();
            switch (action) {
                case dispatch -> {
                    boolean handler = s.handler() != null;
                    r.assigneeKind = handler ? Report.ASSIGNEE_HANDLER : Report.ASSIGNEE_DEPARTMENT;
                    r.assigneeSubject = s.handler();
                    r.departmentId = handler ? null : t.departments().get(s.department());
                }
                case mark_duplicate -> r.duplicateOf = Report.<Report>find("importCode", s.of()).firstResult().id;
                case verify_fixed, verify_not_fixed -> {
                    r.verified = action == ReportAction.verify_fixed;
                    r.rating = s.rating() == null ? null : s.rating().shortValue();
                    r.ratingComment = ReportService.blankToNull(s.comment());
                }
                default -> {
                }
            }
            ReportActors.Actor actor = REPORTER.contains(action) ? reporter
                    : action == ReportAction.auto_close ? ReportActors.SYSTEM
                    : new ReportActors.Actor(s.by(), t.members().get(s.by()));
            workflow.replay(r, action, actor, ReportService.blankToNull(s.note()),
                    ReportViews.details("rating", s.rating()), filed.plusMinutes(s.minutes()));
            if (action == ReportAction.send_back) {
                r.assigneeKind = null;
                r.assigneeSubject = null;
                r.departmentId = null;
            }
        }
    }
}
