package cn.fengxing.report.service;

import cn.fengxing.grid.entity.Community;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Members;
import cn.fengxing.notification.api.NotificationKind;
import cn.fengxing.notification.service.Notifications;
import cn.fengxing.report.api.ReportAction;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.entity.Report;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens when a report's deadlines pass (docs/product.md §3.1): a report still waiting for dispatch after its
 * dispatch deadline, or not resolved by its resolution deadline, escalates to the tenant admin — once, with a
 * timeline step {@value #ESCALATE_DISPATCH} / {@value #ESCALATE_RESOLVE} and a message 消息 in every tenant admin's
 * inbox; an urgent one escalates at once. A
 * resolved report its rider has not verified within the category's auto-close days closes (auto_close).
 * Several API instances may do this at the same moment: a step claims its rows with a conditional UPDATE of
 * rows it could lock (SKIP LOCKED), re-checked on the latest committed row, so each step happens exactly once.
 */
@ApplicationScoped
public class ReportDeadlines {

    public static final String ESCALATE_DISPATCH = "escalate_dispatch";
    public static final String ESCALATE_RESOLVE = "escalate_resolve";
    /** The console's dispatch desk, opening the report (the app prefixes the township). */
    public static final String DISPATCH_LINK = "/console/dispatch?report=";

    /** Escalation of the dispatch: still waiting for dispatch past its deadline, or urgent. */
    private static final String DISPATCH_DUE = "escalated_dispatch_at is null and state in ('submitted', 'reopened')"
            + " and (urgent or dispatch_due <= now())";
    /**
     * Escalation of the resolution: open past its deadline, or urgent while being handled and not escalated
     * before (an urgent report escalates once, at the stage it is in).
     */
    private static final String RESOLVE_DUE = "escalated_resolve_at is null"
            + " and state in ('submitted', 'dispatched', 'in_progress', 'reopened')"
            + " and (resolve_due <= now() or (urgent and escalated_dispatch_at is null"
            + " and state in ('dispatched', 'in_progress')))";

    @Inject
    TenantContext tenant;

    @Inject
    ReportWorkflow workflow;

    @Inject
    ReportSlas slas;

    @Inject
    Notifications notifications;

    @Inject
    Members members;

    /** Escalates every report of the township that is due; returns how many steps were recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int escalateDue() {
        return claim(null);
    }

    /** Escalates this report at once if it is due (just filed or marked urgent, or overdue). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalate(Report report) {
        claim(report.id);
    }

    private int claim(Long only) {
        EntityManager em = Panache.getEntityManager();
        em.flush(); // the claim reads state and urgency as this transaction left them
        int steps = 0;
        for (String step : List.of(ESCALATE_DISPATCH, ESCALATE_RESOLVE)) {
            boolean dispatch = step.equals(ESCALATE_DISPATCH);
            String column = dispatch ? "escalated_dispatch_at" : "escalated_resolve_at";
            String due = (dispatch ? DISPATCH_DUE : RESOLVE_DUE) + (only == null ? "" : " and id = :id");
            // rows being changed elsewhere (another instance's pass, a dispatcher) are left for the next pass
            var claim = em.createNativeQuery("update report set " + column + " = now() where tenant_id = :tenant"
                            + " and id in (select id from report where tenant_id = :tenant and " + due
                            + " for update skip locked) returning id", Long.class)
                    .setParameter("tenant", tenant.code());
            if (only != null) {
                claim.setParameter("id", only);
            }
            @SuppressWarnings("unchecked")
            List<Long> claimed = new ArrayList<>(claim.getResultList());
            claimed.sort(null);
            for (long id : claimed) {
                Report r = ReportService.require(id);
                em.refresh(r); // with the escalation just claimed, also when it was loaded before
                OffsetDateTime deadline = dispatch ? r.dispatchDue : r.resolveDue;
                workflow.record(r, step, ReportActors.SYSTEM, null,
                        ReportViews.details("due", deadline.toString(), "urgent", r.urgent ? true : null));
                notifyAdmins(r, dispatch ? "dispatch" : "resolve");
                steps++;
            }
        }
        return steps;
    }

    /**
     * Puts the escalation in the inbox 消息 of every active tenant admin, in the claim's transaction: the claim
     * happens once, and the dedup key keeps it at one message even if it were retried.
     */
    private void notifyAdmins(Report r, String step) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("category", ReportCategory.<ReportCategory>findByIdOptional(r.categoryId)
                .map(c -> c.nameZh).orElse(""));
        if (r.communityId != null) {
            Community.<Community>findByIdOptional(r.communityId).ifPresent(c -> params.put("community", c.name));
        }
        params.put("step", step);
        notifications.send(members.namesHolding(tenant.code(), Role.TENANT_ADMIN).keySet(),
                NotificationKind.REPORT_ESCALATED, params, DISPATCH_LINK + r.id,
                "report-escalated:" + r.id + ":" + step);
    }

    /**
     * Closes the township's resolved reports that their riders did not verify within the category's auto-close
     * days (closed_fixed, verified left empty); returns how many. A report another instance is closing is skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int autoClose() {
        OffsetDateTime now = OffsetDateTime.now();
        Map<Long, Integer> days = new HashMap<>();
        List<Long> due = new ArrayList<>();
        for (Report r : Report.<Report>list("state = ?1 and verified is null", ReportState.resolved)) {
            int wait = days.computeIfAbsent(r.categoryId, c -> slas.forCategory(c).autoCloseDays());
            if (!r.resolvedAt.plusDays(wait).isAfter(now)) {
                due.add(r.id);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Long> locked = em.createNativeQuery("select id from report where tenant_id = :tenant and id in (:ids)"
                        + " and state = 'resolved' and verified is null order by id for update skip locked", Long.class)
                .setParameter("tenant", tenant.code()).setParameter("ids", due).getResultList();
        for (long id : locked) {
            Report r = ReportService.require(id);
            em.refresh(r); // as it is now that it is locked
            workflow.apply(r, ReportAction.auto_close, ReportActors.SYSTEM, null,
                    ReportViews.details("days", days.get(r.categoryId)));
        }
        return locked.size();
    }
}
