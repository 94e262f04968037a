package cn.fengxing.report.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.report.api.ReportAction;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.entity.Department;
import cn.fengxing.report.entity.Report;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.report.entity.ReportEvent;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one place a report changes state: checks the transition table (ReportAction), records the step in
 * the timeline with what the rider is told (the state's response template), and announces the change to
 * every API instance (PostgreSQL NOTIFY on {@value #CHANNEL}, delivered on commit).
 */
@ApplicationScoped
public class ReportWorkflow {

    /** Channel of report changes: payload {"tenant", "id", "action", "state"}. */
    public static final String CHANNEL = "report_changes";

    @Inject
    ResponseTemplates templates;

    @Inject
    TenantContext tenant;

    @Inject
    ReportActors actors;

    @Inject
    ObjectMapper json;

    /** Moves the report by the action, or a 409 problem when the table does not allow it from its state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportEvent apply(Report report, ReportAction action, ReportActors.Actor actor, String note,
                             Map<String, Object> details) {
        return move(report, action, actor, note, details, OffsetDateTime.now(), true);
    }

    /**
     * A step that happened earlier (an imported historical report): the same table, times and messages, at its
     * own time, and not announced: live queues show what happens now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportEvent replay(Report report, ReportAction action, ReportActors.Actor actor, String note,
                              Map<String, Object> details, OffsetDateTime at) {
        return move(report, action, actor, note, details, at, false);
    }

    private ReportEvent move(Report report, ReportAction action, ReportActors.Actor actor, String note,
                             Map<String, Object> details, OffsetDateTime at, boolean live) {
        if (!action.allowedFrom(report.state)) {
            throw ProblemException.conflict("report.transition", report.id, report.state, action);
        }
        ReportState from = report.state;
        ReportState to = action.target();
        report.state = to;
        switch (to) {
            case dispatched -> report.dispatchedAt = at;
            case resolved -> report.resolvedAt = at;
            case closed_fixed, closed_not_fixed, rejected, duplicate -> report.closedAt = at;
            case submitted, reopened -> report.resolvedAt = null;
            default -> {
            }
        }
        if (to != ReportState.dispatched && to != ReportState.in_progress) {
            report.lockSubject = null;
            report.lockName = null;
            report.lockUntil = null;
        }
        ReportEvent event = entry(report, action.name(), actor, note, details, at, live);
        event.fromState = from.name();
        tell(event, report, note);
        return event;
    }

    /**
     * The first step of a newly filed report, at its filing time: the rider is told it has been received.
     * Imported history is not announced.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportEvent submitted(Report report, ReportActors.Actor actor, Map<String, Object> details) {
        ReportEvent event = entry(report, "submit", actor, null, details, report.createdAt,
                !Report.SOURCE_IMPORT.equals(report.source));
        tell(event, report, null);
        return event;
    }

    /** The report's new state and the rider's message for it, in both languages. */
    private void tell(ReportEvent event, Report report, String note) {
        event.toState = report.state.name();
        event.feedbackZh = templates.render(report.state, Locale.CHINESE, values(report, note, false));
        event.feedbackEn = templates.render(report.state, Locale.ENGLISH, values(report, note, true));
    }

    /** A timeline step that changes no state (submit, me too, progress note, urgent, escalation). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportEvent record(Report report, String action, ReportActors.Actor actor, String note,
                              Map<String, Object> details) {
        return entry(report, action, actor, note, details, OffsetDateTime.now(), true);
    }

    private ReportEvent entry(Report report, String action, ReportActors.Actor actor, String note,
                              Map<String, Object> details, OffsetDateTime at, boolean live) {
        report.updatedAt = at;
        ReportEvent event = new ReportEvent();
        event.reportId = report.id;
        event.at = at;
        event.actor = actor.subject();
        event.actorName = actor.name();
        event.action = action;
        event.note = note;
        event.details = details == null ? Map.of() : details;
        event.persist();
        if (live) {
            announce(report, action);
        }
        return event;
    }

    /** Tells every API instance's live queues, once the transaction commits. */
    private void announce(Report report, String action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenant", tenant.code());
        payload.put("id", report.id);
        payload.put("action", action);
        payload.put("state", report.state.name());
        try {
            Panache.getEntityManager().createNativeQuery("select pg_notify(:channel, :payload)")
                    .setParameter("channel", CHANNEL).setParameter("payload", json.writeValueAsString(payload))
                    .getSingleResult();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Placeholders of the response templates: {category} {community} {handler} {note}. */
    private Map<String, String> values(Report report, String note, boolean english) {
        Map<String, String> values = new HashMap<>();
        ReportCategory category = ReportCategory.findById(report.categoryId);
        values.put("category", category == null ? "" : english ? category.nameEn : category.nameZh);
        if (report.communityId != null) {
            Community c = Community.findById(report.communityId);
            values.put("community", c == null ? "" : c.name);
        }
        if (report.departmentId != null) {
            Department d = Department.findById(report.departmentId);
            values.put("handler", d == null ? "" : d.name);
        } else if (report.assigneeSubject != null) {
            values.put("handler", java.util.Objects.requireNonNullElse(actors.name(report.assigneeSubject), ""));
        }
        values.put("note", note == null ? "" : note);
        return values;
    }
}
