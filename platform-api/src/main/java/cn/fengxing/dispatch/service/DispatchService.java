package cn.fengxing.dispatch.service;

import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.dispatch.api.DispatchProposal;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.grid.service.GridService;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.identity.service.Members;
import cn.fengxing.outbox.entity.OutboxEvent;
import cn.fengxing.outbox.service.Outbox;
import cn.fengxing.report.api.DispatchInput;
import cn.fengxing.report.api.ReportAction;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.api.ReportSummary;
import cn.fengxing.report.api.ReportView;
import cn.fengxing.report.api.StepForm;
import cn.fengxing.report.entity.Department;
import cn.fengxing.report.entity.Report;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.report.entity.ReportEvent;
import cn.fengxing.report.entity.ReportPhoto;
import cn.fengxing.report.service.ReportActors;
import cn.fengxing.report.service.ReportDeadlines;
import cn.fengxing.report.service.ReportPhotos;
import cn.fengxing.report.service.ReportService;
import cn.fengxing.report.service.ReportViews;
import cn.fengxing.report.service.ReportWorkflow;
import cn.fengxing.report.service.RoutingRules;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dispatch 专员派单 and handling: the duty dispatcher's queue, holding a report while working on it (领单),
 * dispatching to a grid worker or a department (or rejecting, or merging a duplicate), and the assignee's
 * steps: accept, progress notes, resolve, or send it back.
 */
@ApplicationScoped
public class DispatchService {

    /** The queue's total counts matching reports up to this many; a pager of 20 a page shows 500 pages. */
    public static final int COUNT_LIMIT = 10_000;

    /** Filters of the queue; null fields do not filter. */
    public record QueueFilter(List<ReportState> states, String category, String community, Boolean urgent,
                              Boolean escalated, boolean mine) {
    }

    @Inject
    TenantContext tenant;

    @Inject
    Members members;

    @Inject
    Caller caller;

    @Inject
    ReportWorkflow workflow;

    @Inject
    ReportActors actors;

    @Inject
    ReportViews views;

    @Inject
    ReportDeadlines deadlines;

    @Inject
    ReportService reports;

    @Inject
    ReportPhotos photos;

    @Inject
    RoutingRules routing;

    @Inject
    GridService grids;

    @Inject
    Outbox outbox;

    @Inject
    FengxingConfig config;

    /**
     * The queue, newest first; {@code mine}: the reports assigned to the caller. Its total is counted up to
     * {@link #COUNT_LIMIT}: exact counts of a township's million reports would cost more than the page.
     */
    @Transactional
    public Page<ReportSummary> queue(QueueFilter filter, int page, int size, Locale locale) {
        // SQL rather than HQL: the count's limit needs no order, so it reads whichever index holds the filter's rows
        StringBuilder where = new StringBuilder("tenant_id = :tenant");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.code());
        if (filter.states() != null && !filter.states().isEmpty()) {
            where.append(" and state in (:states)");
            params.put("states", filter.states().stream().map(Enum::name).toList());
        }
        if (filter.category() != null) {
            ReportCategory c = ReportCategory.byCode(filter.category())
                    .orElseThrow(() -> ProblemException.badRequest("report.category.unknown", filter.category()));
            // a group's reports include its sub-categories'; the ids as a list keep the category index usable
            List<Long> ids = new ArrayList<>(List.of(c.id));
            ReportCategory.<ReportCategory>list("parentId", c.id).forEach(sub -> ids.add(sub.id));
            where.append(" and category_id in (:categories)");
            params.put("categories", ids);
        }
        if (filter.community() != null) {
            Community c = Community.byCode(filter.community())
                    .orElseThrow(() -> ProblemException.badRequest("community.unknown", filter.community()));
            where.append(" and community_id = :community");
            params.put("community", c.id);
        }
        if (filter.urgent() != null) {
            where.append(filter.urgent() ? " and urgent" : " and not urgent");
        }
        if (filter.escalated() != null) {
            where.append(filter.escalated() ? " and (escalated_dispatch_at is not null or escalated_resolve_at is not null)"
                    : " and escalated_dispatch_at is null and escalated_resolve_at is null");
        }
        if (filter.mine()) {
            where.append(" and assignee_subject = :me");
            params.put("me", caller.subject());
        }
        var em = Panache.getEntityManager();
        var items = em.createNativeQuery("select * from report where " + where
                + " order by created_at desc, id desc", Report.class).setFirstResult(page * size).setMaxResults(size);
        var count = em.createNativeQuery("select count(*) from (select 1 from report where " + where + " limit "
                + COUNT_LIMIT + ") counted", Long.class);
        params.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Report> reports = items.getResultList();
        return new Page<>(views.summaries(reports, locale, null, null), page, size, (Long) count.getSingleResult());
    }

    /** The rules' proposal for this report, its grid's workers, and open reports of the category nearby. */
    @Transactional
    public DispatchProposal proposal(long id, Locale locale) {
        Report r = ReportService.require(id);
        ReportCategory category = ReportCategory.findById(r.categoryId);
        Community community = r.communityId == null ? null : Community.findById(r.communityId);
        var proposal = routing.resolve(category.code, community == null ? null : community.code, r.gridId);
        var workers = r.gridId == null ? List.<cn.fengxing.grid.api.GridWorkerView>of() : grids.workers(r.gridId);
        List<ReportSummary> nearby = reports.nearby(category.code, r.lon, r.lat, locale).stream()
                .filter(s -> s.id() != id).toList();
        return new DispatchProposal(proposal, workers, nearby);
    }

    /** Holds the report for the caller for the lock duration (renews the caller's own hold). */
    @Transactional
    public ReportView hold(long id, Locale locale) {
        Report r = ReportService.require(id);
        OffsetDateTime now = OffsetDateTime.now();
        if (r.lockedByOther(caller.subject(), now)) {
            throw ProblemException.conflict("report.held", id, r.lockName == null ? r.lockSubject : r.lockName);
        }
        if (!ReportState.OPEN.contains(r.state)) {
            throw ProblemException.conflict("report.not-open", id, r.state);
        }
        ReportActors.Actor me = actors.current();
        r.lockSubject = me.subject();
        r.lockName = me.name();
        r.lockUntil = now.plus(config.reports().lockDuration());
        r.updatedAt = now;
        return views.view(r, locale);
    }

    /** Releases the hold: the holder, or a tenant admin for someone who left it. */
    @Transactional
    public ReportView release(long id, Locale locale) {
        Report r = ReportService.require(id);
        if (r.lockedByOther(caller.subject(), OffsetDateTime.now()) && !holds(Role.TENANT_ADMIN)) {
            throw ProblemException.conflict("report.held", id, r.lockName == null ? r.lockSubject : r.lockName);
        }
        r.lockSubject = null;
        r.lockName = null;
        r.lockUntil = null;
        return views.view(r, locale);
    }

    /** Sends the report to a handler or department; the first dispatch accepts it (domain event for points). */
    @Transactional
    public ReportView dispatch(long id, DispatchInput input, Locale locale) {
        Report r = workable(id);
        String kind = input.kind();
        List<Violation> violations = new ArrayList<>();
        String subject = null;
        Long departmentId = null;
        if (Report.ASSIGNEE_HANDLER.equals(kind)) {
            if (input.subject() == null || !isHandler(input.subject())) {
                violations.add(new Violation("subject", "report.dispatch.not-handler", input.subject()));
            }
            subject = input.subject();
        } else if (Report.ASSIGNEE_DEPARTMENT.equals(kind)) {
            Department d = input.department() == null ? null : Department.byCode(input.department()).filter(x -> x.active)
                    .orElse(null);
            if (d == null) {
                violations.add(new Violation("department", "report.department.unknown", input.department()));
            } else {
                departmentId = d.id;
            }
        } else {
            violations.add(new Violation("kind", "report.dispatch.kind", kind));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        r.assigneeKind = kind;
        r.assigneeSubject = subject;
        r.departmentId = departmentId;
        if (input.urgent()) {
            r.urgent = true;
        }
        workflow.apply(r, ReportAction.dispatch, actors.current(), ReportService.blankToNull(input.note()),
                ReportViews.details("kind", kind, "subject", subject, "department", input.department(),
                        "urgent", input.urgent() ? true : null));
        if (r.urgent) {
            deadlines.escalate(r);
        }
        if (r.riderId != null) {
            outbox.record(OutboxEvent.REPORT_ACCEPTED, "report", String.valueOf(r.id),
                    Map.of("reportId", r.id, "riderId", r.riderId, "reporter", r.reporterSubject,
                            "category", ReportCategory.<ReportCategory>findById(r.categoryId).code));
        }
        return views.view(r, locale);
    }

    /** Not a matter for the township: closed with the reason the rider is told. */
    @Transactional
    public ReportView reject(long id, String reason, Locale locale) {
        Report r = workable(id);
        workflow.apply(r, ReportAction.reject, actors.current(), reason.strip(), null);
        return views.view(r, locale);
    }

    /** Merges the report into an earlier open (or concluded) report of the same hazard. */
    @Transactional
    public ReportView markDuplicate(long id, long of, String note, Locale locale) {
        Report r = workable(id);
        Report original = Report.<Report>findByIdOptional(of).orElseThrow(() ->
                ProblemException.invalid(List.of(new Violation("of", "report.unknown", of))));
        if (original.id == id || original.state == ReportState.duplicate) {
            throw ProblemException.invalid(List.of(new Violation("of", "report.duplicate-target", of)));
        }
        r.duplicateOf = original.id;
        workflow.apply(r, ReportAction.mark_duplicate, actors.current(), ReportService.blankToNull(note),
                Map.of("of", original.id));
        return views.view(r, locale);
    }

    /** Flags an open report urgent (escalated at once); a no-op when it already is. */
    @Transactional
    public ReportView markUrgent(long id, Locale locale) {
        Report r = workable(id);
        if (!ReportState.OPEN.contains(r.state)) {
            throw ProblemException.conflict("report.not-open", id, r.state);
        }
        if (!r.urgent) {
            r.urgent = true;
            workflow.record(r, "urgent", actors.current(), null, null);
            deadlines.escalate(r);
        }
        return views.view(r, locale);
    }

    /** Concludes a reopened report that cannot be fixed, with the reason the rider is told. */
    @Transactional
    public ReportView closeNotFixed(long id, String reason, Locale locale) {
        Report r = workable(id);
        workflow.apply(r, ReportAction.close_not_fixed, actors.current(), reason.strip(), null);
        return views.view(r, locale);
    }

    // ---- the assignee's steps (a dispatcher acts for a department)

    @Transactional
    public ReportView accept(long id, Locale locale) {
        Report r = assigned(id);
        workflow.apply(r, ReportAction.accept, actors.current(), null, null);
        return views.view(r, locale);
    }

    /** A progress note 进展 while handling; no state change. */
    @Transactional
    public ReportView progress(long id, String note, Locale locale) {
        Report r = assigned(id);
        if (r.state != ReportState.in_progress) {
            throw ProblemException.conflict("report.transition", id, r.state, "progress");
        }
        workflow.record(r, "progress", actors.current(), note.strip(), null);
        return views.view(r, locale);
    }

    /** Handled: note and optional photos; the rider is asked to verify. */
    @Transactional
    public ReportView resolve(long id, StepForm form, List<PhotoIntake.Processed> processed, Locale locale) {
        Report r = assigned(id);
        ReportEvent event = workflow.apply(r, ReportAction.resolve, actors.current(),
                ReportService.blankToNull(form.note), null);
        photos.store(r.id, event.id, ReportPhoto.RESOLUTION, caller.subject(), processed);
        return views.view(r, locale);
    }

    /** Not the assignee's responsibility: back to the dispatcher's queue, unassigned. */
    @Transactional
    public ReportView sendBack(long id, String reason, Locale locale) {
        Report r = assigned(id);
        workflow.apply(r, ReportAction.send_back, actors.current(), reason.strip(), null);
        r.assigneeKind = null;
        r.assigneeSubject = null;
        r.departmentId = null;
        return views.view(r, locale);
    }

    // ---- shared

    /** The report, unless another dispatcher holds it. */
    private Report workable(long id) {
        Report r = ReportService.require(id);
        if (r.lockedByOther(caller.subject(), OffsetDateTime.now())) {
            throw ProblemException.conflict("report.held", id, r.lockName == null ? r.lockSubject : r.lockName);
        }
        return r;
    }

    /** The report, if the caller is its handler or a dispatcher / tenant admin (who act for departments). */
    private Report assigned(long id) {
        Report r = workable(id);
        boolean assignee = caller.subject().equals(r.assigneeSubject);
        if (!assignee && !holds(Role.DISPATCHER) && !holds(Role.TENANT_ADMIN)) {
            throw ProblemException.forbidden("report.not-assignee", id);
        }
        return r;
    }

    private boolean holds(Role role) {
        return caller.holdsIn(tenant.code(), role);
    }

    private boolean isHandler(String subject) {
        return members.holds(tenant.code(), subject, Role.HANDLER);
    }
}
