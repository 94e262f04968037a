package cn.fengxing.report.service;

import cn.fengxing.report.api.ReportFigures;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.ZoneId;

import static cn.fengxing.report.service.FiledReports.count;
import static cn.fengxing.report.service.FiledReports.number;
import static cn.fengxing.report.service.FiledReports.share;

/** A township's report figures: volume, closure rate, medians, overdue share and satisfaction, computed in SQL. */
@ApplicationScoped
public class ReportFigureService {

    static final String FIGURES = "select count(*), count(*) filter (where " + FiledReports.CLOSED + "), "
            + "percentile_cont(0.5) within group (order by extract(epoch from first_dispatch - created_at) / 60), "
            + "percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 3600), "
            + "count(*) filter (where " + FiledReports.OVERDUE + "), "
            + "count(rating), avg(rating)::float8, count(*) filter (where rating >= 4) "
            + "from " + FiledReports.FILED;

    @Inject
    TenantContext tenant;

    /**
     * Figures for the reports filed {@code from}–{@code to} (YYYY-MM-DD, township days, inclusive; by default the
     * last 365 days up to today).
     */
    @Transactional
    public ReportFigures figures(String from, String to) {
        ZoneId zone = Tenant.zoneOf(tenant.code());
        FiledReports.Period period = FiledReports.period(zone, from, to);
        Object[] row = (Object[]) FiledReports.query(FIGURES, tenant.code(), zone, period).getSingleResult();
        long reports = count(row[0]);
        long closed = count(row[1]);
        long rated = count(row[5]);
        return new ReportFigures(period.first(), period.last(), reports, closed, share(closed, reports),
                number(row[2]), number(row[3]), share(count(row[4]), reports), rated, number(row[6]),
                share(count(row[7]), rated));
    }
}
