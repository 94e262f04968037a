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
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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

    /**
     * List entries, in the order given; {@code fromLon}/{@code fromLat} given: each with the distance from there.
     * A page's photos, supporters, categories, communities and names are read in one query each, not per report.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReportSummary> summaries(List<Report> reports, Locale locale, Double fromLon, Double fromLat) {
        if (reports.isEmpty()) {
            return List.of();
        }
        boolean english = english(locale);
        List<Long> ids = reports.stream().map(r -> r.id).toList();
        Map<Long, Long> photoIds = pairs(Panache.getEntityManager().createQuery("select p.reportId, min(p.id) from "
                + "ReportPhoto p where p.reportId in :ids and p.purpose = :purpose group by p.reportId", Object[].class)
                .setParameter("ids", ids).setParameter("purpose", ReportPhoto.REPORT).getResultList());
        Map<Long, Long> supporters = pairs(Panache.getEntityManager().createQuery("select s.reportId, count(*) from "
                        + "ReportSupporter s where s.reportId in :ids group by s.reportId", Object[].class)
                .setParameter("ids", ids).getResultList());
        Map<Long, Named> categories = new HashMap<>();
        ReportCategory.<ReportCategory>list("id in ?1", distinct(reports, r -> r.categoryId))
                .forEach(c -> categories.put(c.id, new Named(c.code, english ? c.nameEn : c.nameZh)));
        Map<Long, Named> communities = new HashMap<>();
        List<Long> communityIds = distinct(reports, r -> r.communityId);
        if (!communityIds.isEmpty()) {
            Community.<Community>list("id in ?1", communityIds)
                    .forEach(c -> communities.put(c.id, new Named(c.code, c.name)));
        }
        Map<String, String> names = actors.names(distinct(reports, r -> r.assigneeSubject));
        return reports.stream().map(r -> {
            Long metres = fromLon == null || fromLat == null ? null
                    : Math.round(Distances.metres(fromLon, fromLat, r.lon, r.lat));
            return new ReportSummary(r.id, categories.get(r.categoryId), r.description, r.lon, r.lat,
                    communities.get(r.communityId), r.urgent, r.outsideTownship, r.escalated(), r.state, r.createdAt,
                    r.dispatchDue, r.resolveDue, assignee(r, names), hold(r), supporters.getOrDefault(r.id, 0L),
                    photoIds.get(r.id), metres);
        }).toList();
    }

    private static Map<Long, Long> pairs(List<Object[]> rows) {
        Map<Long, Long> map = new HashMap<>();
        rows.forEach(row -> map.put((Long) row[0], ((Number) row[1]).longValue()));
        return map;
    }

    private static <T> List<T> distinct(List<Report> reports, Function<Report, T> key) {
        return reports.stream().map(key).filter(Objects::nonNull).distinct().toList();
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
        return assignee(r, r.assigneeSubject == null ? Map.of()
                : actors.names(List.of(r.assigneeSubject)));
    }

    /** {@code names}: display names by subject, as {@link ReportActors#names} reads them. */
    private static ReportView.Assignee assignee(Report r, Map<String, String> names) {
        if (Report.ASSIGNEE_DEPARTMENT.equals(r.assigneeKind)) {
            Department d = Department.findById(r.departmentId);
            return new ReportView.Assignee(r.assigneeKind, null, d.name, new Named(d.code, d.name));
        }
        if (Report.ASSIGNEE_HANDLER.equals(r.assigneeKind)) {
            return new ReportView.Assignee(r.assigneeKind, r.assigneeSubject, names.get(r.assigneeSubject), null);
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
