package cn.fengxing.report.service;

import cn.fengxing.region.service.DurationBuckets;
import cn.fengxing.region.service.Figure;
import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Rollup;
import cn.fengxing.region.service.Figure.Section;
import cn.fengxing.region.service.Figure.Unit;
import cn.fengxing.region.service.FigureSource;
import cn.fengxing.report.api.ComparisonGroup;
import cn.fengxing.report.api.ReportState;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Snap-and-report 随手拍 in regional comparison: each report counted on the day it was filed, as it stands now
 * (closed, dispatched within its deadline, overdue, rated), in its category's platform group, with the minutes to
 * its first dispatch and the hours to resolution in fixed buckets (medians over any period). The same definitions
 * as the township's own figures (ReportFigureService).
 */
@ApplicationScoped
public class ReportFigureSource implements FigureSource {

    private static final String CLOSED = ReportState.CLOSED.stream().map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(","));
    private static final String GROUPS = Arrays.stream(ComparisonGroup.values()).map(g -> "'" + g.code + "'")
            .collect(Collectors.joining(","));

    private static final String FACTS = """
            with filed as (
              select r.*, (r.created_at at time zone :zone)::date as day,
                     coalesce((select min(e.at) from report_event e
                                where e.tenant_id = r.tenant_id and e.report_id = r.id and e.action = 'dispatch'),
                              r.dispatched_at) as first_dispatch,
                     coalesce(c.comparison_group, p.comparison_group,
                              case when coalesce(p.code, c.code) in (%s) then coalesce(p.code, c.code) end,
                              'other') as grp
                from report r
                join report_category c on c.tenant_id = r.tenant_id and c.id = r.category_id
                left join report_category p on p.tenant_id = c.tenant_id and p.id = c.parent_id
               where r.tenant_id = :tenant and r.created_at >= :start and r.created_at < :end)
            select day, f.k, f.v
              from filed, lateral (values
                ('reports', 1),
                ('reports.closed', (state in (%s))::int),
                ('reports.dispatched', (first_dispatch is not null)::int),
                ('reports.dispatchedInTime', (first_dispatch <= dispatch_due)::int),
                ('reports.overdue', (coalesce(first_dispatch, closed_at, now()) > dispatch_due
                                     or (state not in ('rejected', 'duplicate')
                                         and coalesce(resolved_at, closed_at, now()) > resolve_due))::int),
                ('reports.rated', (rating is not null)::int),
                ('reports.ratingSum', coalesce(rating, 0)::int),
                ('reports.satisfied', (rating >= 4)::int),
                ('reports.group.' || grp, 1),
                ('reports.dispatchMinutes.' || %s, (first_dispatch is not null)::int),
                ('reports.resolveHours.' || %s, (resolved_at is not null)::int)
              ) f(k, v)
             where f.v is not null and f.k is not null
            """.formatted(GROUPS, CLOSED,
            DurationBuckets.DISPATCH_MINUTES.sql("extract(epoch from first_dispatch - created_at) / 60"),
            DurationBuckets.RESOLVE_HOURS.sql("extract(epoch from resolved_at - created_at) / 3600"));

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String facts() {
        return FACTS;
    }

    @Override
    public Kind kind(String counter) {
        return Kind.FLOW;
    }

    @Override
    public boolean owns(String counter) {
        return counter.startsWith("reports");
    }

    @Override
    public List<Figure> figures() {
        List<Figure> all = new ArrayList<>(List.of(
                Figure.count("reports", Section.reports, Direction.higher, "reports"),
                new Figure("reports.per100Riders", Section.reports, Unit.per100, Direction.higher, Rollup.median,
                        c -> c.get("riders.active") == 0 ? null : 100.0 * c.get("reports") / c.get("riders.active")),
                new Figure("reports.closureRate", Section.reports, Unit.share, Direction.higher, Rollup.median,
                        c -> c.share("reports.closed", "reports")),
                new Figure("reports.medianDispatchMinutes", Section.reports, Unit.minutes, Direction.lower, Rollup.median,
                        c -> c.median("reports.dispatchMinutes.", DurationBuckets.DISPATCH_MINUTES)),
                new Figure("reports.medianResolveHours", Section.reports, Unit.hours, Direction.lower, Rollup.median,
                        c -> c.median("reports.resolveHours.", DurationBuckets.RESOLVE_HOURS)),
                new Figure("reports.dispatchedInTime", Section.reports, Unit.share, Direction.higher, Rollup.median,
                        c -> c.share("reports.dispatchedInTime", "reports.dispatched")),
                new Figure("reports.overdueShare", Section.reports, Unit.share, Direction.lower, Rollup.median,
                        c -> c.share("reports.overdue", "reports")),
                new Figure("reports.satisfaction", Section.reports, Unit.share, Direction.higher, Rollup.median,
                        c -> c.share("reports.satisfied", "reports.rated")),
                new Figure("reports.averageRating", Section.reports, Unit.rating, Direction.higher, Rollup.median,
                        c -> c.get("reports.rated") == 0 ? null : (double) c.get("reports.ratingSum") / c.get("reports.rated"))));
        for (ComparisonGroup g : ComparisonGroup.values()) {
            all.add(Figure.count("reports.group." + g.code, Section.categories, Direction.neutral, "reports.group." + g.code));
        }
        return all;
    }
}
