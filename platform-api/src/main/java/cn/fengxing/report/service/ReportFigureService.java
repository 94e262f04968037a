package cn.fengxing.report.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.report.api.ReportFigures;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A township's report figures: volume, closure rate, medians, overdue share and satisfaction, computed in SQL. */
@ApplicationScoped
public class ReportFigureService {

    /** The default period, in days up to today. */
    static final int DEFAULT_DAYS = 365;
    /** Longest period, in days. */
    static final int MAX_DAYS = 3660;

    /**
     * Over each report filed in the period: its first dispatch (the timeline's, else the report's own time for
     * imported history), and whether it missed a deadline — triaged (dispatched, or rejected / merged) after the
     * dispatch deadline, or resolved (or concluded) after the resolution deadline; one still waiting counts from now.
     */
    private static final String FIGURES = """
            select count(*),
                   count(*) filter (where state in (:closed)),
                   percentile_cont(0.5) within group (order by extract(epoch from first_dispatch - created_at) / 60),
                   percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 3600),
                   count(*) filter (where coalesce(first_dispatch, closed_at, now()) > dispatch_due
                                       or (state not in ('rejected', 'duplicate')
                                           and coalesce(resolved_at, closed_at, now()) > resolve_due)),
                   count(rating),
                   avg(rating)::float8,
                   count(*) filter (where rating >= 4)
              from (select r.*, coalesce((select min(e.at) from report_event e
                                           where e.tenant_id = r.tenant_id and e.report_id = r.id
                                             and e.action = 'dispatch'), r.dispatched_at) as first_dispatch
                      from report r
                     where r.tenant_id = :tenant and r.created_at >= :start and r.created_at < :end) filed
            """;

    @Inject
    TenantContext tenant;

    /**
     * Figures for the reports filed {@code from}–{@code to} (YYYY-MM-DD, township days, inclusive; by default the
     * last 365 days up to today).
     */
    @Transactional
    public ReportFigures figures(String from, String to) {
        ZoneId zone = Tenant.zoneOf(tenant.code());
        LocalDate last = to != null ? day("to", to) : LocalDate.now(zone);
        LocalDate first = from != null ? day("from", from) : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ProblemException.badRequest("report.figures.range", MAX_DAYS);
        }
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery(FIGURES, Object[].class)
                .setParameter("closed", ReportState.CLOSED.stream().map(Enum::name).toList())
                .setParameter("tenant", tenant.code())
                .setParameter("start", first.atStartOfDay(zone).toOffsetDateTime())
                .setParameter("end", last.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .getSingleResult();
        long reports = count(row[0]);
        long closed = count(row[1]);
        long rated = count(row[5]);
        return new ReportFigures(first, last, reports, closed, share(closed, reports), number(row[2]), number(row[3]),
                share(count(row[4]), reports), rated, number(row[6]), share(count(row[7]), rated));
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Violation(field, "report.figures.date", value)));
        }
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
