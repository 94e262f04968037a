package cn.fengxing.report.service;

import cn.fengxing.common.geo.Distances;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.grid.entity.Grid;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.report.api.PhotoView;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.api.ReportSummary;
import cn.fengxing.report.api.ReportView;
import cn.fengxing.report.api.ReportView.Named;
import cn.fengxing.report.api.TimelineEntry;
import cn.fengxing.report.entity.Department;
import cn.fengxing.report.entity.Report;
import cn.fengxing.report.entity.ReportCategory;
import cn.fengxing.report.entity.ReportEvent;
import cn.fengxing.report.entity.ReportPhoto;
import cn.fengxing.report.entity.ReportSupporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one mapping of reports to what the API returns, in the caller's language. */
@ApplicationScoped
public class ReportViews {

    @Inject
    Caller caller;

    @Inject
    ReportActors actors;

    @Transactional(Transactional.TxType.MANDATORY)
    public ReportView view(Report r, Locale locale) {
        boolean english = english(locale);
        List<ReportPhoto> photos = ReportPhoto.of(r.id);
        List<TimelineEntry> timeline = new ArrayList<>();
        String feedback = null;
        for (ReportEvent e : ReportEvent.of(r.id)) {
            String text = english ? e.feedbackEn : e.feedbackZh;
            if (text != null) {
                feedback = text;
            }
            List<Long> photoIds = photos.stream().filter(p -> e.id.equals(p.eventId)).map(p -> p.id).toList();
            timeline.add(new TimelineEntry(e.at, e.actorName, e.action, state(e.fromState), state(e.toState), e.note,
                    text, photoIds, e.details));
        }
        return new ReportView(r.id, r.token, category(r.categoryId, english), r.description, r.lon, r.lat, r.address,
                community(r.communityId), grid(r.gridId), r.urgent, r.outsideTownship, r.escalated(), r.state, r.source, reporterName(r),
                caller.subject().equals(r.reporterSubject), assignee(r), r.duplicateOf, r.createdAt, r.dispatchDue,
                r.resolveDue, r.dispatchedAt, r.resolvedAt, r.closedAt, r.verified,
                r.rating == null ? null : r.rating.intValue(), r.ratingComment, hold(r), supporters(r.id), feedback,
                photos.stream().map(PhotoView::of).toList(), timeline);
    }

    /** A list entry; {@code fromLon}/{@code fromLat} given: with the distance from there. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportSummary summary(Report r, Locale locale, Double fromLon, Double fromLat) {
        Long photoId = ReportPhoto.<ReportPhoto>find("reportId = ?1 and purpose = ?2 order by id", r.id, ReportPhoto.REPORT)
                .firstResultOptional().map(p -> p.id).orElse(null);
        Long metres = fromLon == null || fromLat == null ? null
                : Math.round(Distances.metres(fromLon, fromLat, r.lon, r.lat));
        return new ReportSummary(r.id, category(r.categoryId, english(locale)), r.description, r.lon, r.lat,
                community(r.communityId), r.urgent, r.outsideTownship, r.escalated(), r.state, r.createdAt, r.dispatchDue, r.resolveDue,
                assignee(r), hold(r), supporters(r.id), photoId, metres);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static ReportState state(String s) {
        return s == null ? null : ReportState.valueOf(s);
    }

    private static Named category(Long id, boolean english) {
        ReportCategory c = ReportCategory.findById(id);
        return c == null ? null : new Named(c.code, english ? c.nameEn : c.nameZh);
    }

    private static Named community(Long id) {
        Community c = id == null ? null : Community.findById(id);
        return c == null ? null : new Named(c.code, c.name);
    }

    private static Named grid(Long id) {
        Grid g = id == null ? null : Grid.findById(id);
        return g == null ? null : new Named(g.code, g.name);
    }

    private String reporterName(Report r) {
        return r.reporterName != null ? r.reporterName : actors.name(r.reporterSubject);
    }

    private ReportView.Assignee assignee(Report r) {
        if (Report.ASSIGNEE_DEPARTMENT.equals(r.assigneeKind)) {
            Department d = Department.findById(r.departmentId);
            return new ReportView.Assignee(r.assigneeKind, null, d.name, new Named(d.code, d.name));
        }
        if (Report.ASSIGNEE_HANDLER.equals(r.assigneeKind)) {
            return new ReportView.Assignee(r.assigneeKind, r.assigneeSubject, actors.name(r.assigneeSubject), null);
        }
        return null;
    }

    private static ReportView.Hold hold(Report r) {
        return r.lockSubject == null || r.lockUntil == null || !r.lockUntil.isAfter(OffsetDateTime.now()) ? null
                : new ReportView.Hold(r.lockSubject, r.lockName, r.lockUntil);
    }

    private static long supporters(long reportId) {
        return ReportSupporter.count("reportId", reportId);
    }

    /** Details kept with a timeline step, from name/value pairs; null values are left out. */
    public static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
