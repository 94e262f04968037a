package cn.fengxing.report.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.report.api.ReportBreakdown;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static cn.fengxing.report.service.FiledReports.count;
import static cn.fengxing.report.service.FiledReports.share;

/** A township's reports of a period by category, community or grid, counted in SQL like its figures. */
@ApplicationScoped
public class ReportBreakdownService {

    /** The table each breakdown joins (alias k, on the report's column) and the name it shows. */
    private record Dimension(String join, String name) {
    }

    private static final Map<String, Dimension> BY = Map.of(
            "category", new Dimension("report_category k on k.tenant_id = filed.tenant_id and k.id = filed.category_id",
                    "case when :english then k.name_en else k.name_zh end"),
            "community", new Dimension("community k on k.tenant_id = filed.tenant_id and k.id = filed.community_id",
                    "k.name"),
            "grid", new Dimension("grid k on k.tenant_id = filed.tenant_id and k.id = filed.grid_id", "k.name"));

    @Inject
    TenantContext tenant;

    /** The rows for the reports filed {@code from}–{@code to} (as {@link ReportFigureService#figures}), most first. */
    @Transactional
    public ReportBreakdown breakdown(String from, String to, String by, Locale locale) {
        Dimension dimension = by == null ? null : BY.get(by);
        if (dimension == null) {
            throw ProblemException.invalid(List.of(new Violation("by", "report.breakdown.by", String.valueOf(by))));
        }
        ZoneId zone = Tenant.zoneOf(tenant.code());
        FiledReports.Period period = FiledReports.period(zone, from, to);
        // k.id apart from the name: two grids may share a name
        String sql = "select " + dimension.name() + " as name, count(*), count(*) filter (where "
                + FiledReports.CLOSED + "), count(*) filter (where " + FiledReports.OVERDUE + ") from "
                + FiledReports.FILED + " left join " + dimension.join()
                + " group by k.id, 1 order by 2 desc, 1 nulls last";
        var query = FiledReports.query(sql, tenant.code(), zone, period);
        if (by.equals("category")) {
            query.setParameter("english", "en".equals(locale.getLanguage()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return new ReportBreakdown(period.first(), period.last(), by, rows.stream().map(row -> {
            long reports = count(row[1]);
            long closed = count(row[2]);
            long overdue = count(row[3]);
            return new ReportBreakdown.Row((String) row[0], reports, closed, share(closed, reports), overdue,
                    share(overdue, reports));
        }).toList());
    }
}
