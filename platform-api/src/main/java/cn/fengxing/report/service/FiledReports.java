package cn.fengxing.report.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.report.api.ReportState;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The reports a township filed in a period of its calendar days, as its figures and breakdowns read them: the same
 * period rules, the same "closed" and the same "overdue" everywhere.
 */
final class FiledReports {

    /** The default period, in days up to today. */
    static final int DEFAULT_DAYS = 365;
    /** Longest period, in days. */
    static final int MAX_DAYS = 3660;

    /**
     * Each report filed in the period (alias {@code filed}) with its first dispatch: the timeline's, else the report's
     * own time for imported history.
     */
    static final String FILED = """
            (select r.*, coalesce((select min(e.at) from report_event e
                                    where e.tenant_id = r.tenant_id and e.report_id = r.id
                                      and e.action = 'dispatch'), r.dispatched_at) as first_dispatch
               from report r
              where r.tenant_id = :tenant and r.created_at >= :start and r.created_at < :end) filed
            """;

    /** Concluded: closed fixed or not fixable, rejected, duplicate. */
    static final String CLOSED = "filed.state in (:closed)";

    /**
     * Missed a deadline: triaged (dispatched, or rejected / merged) after the dispatch deadline, or resolved (or
     * concluded) after the resolution deadline; one still waiting counts from now.
     */
    static final String OVERDUE = """
            coalesce(filed.first_dispatch, filed.closed_at, now()) > filed.dispatch_due
             or (filed.state not in ('rejected', 'duplicate')
                 and coalesce(filed.resolved_at, filed.closed_at, now()) > filed.resolve_due)""";

    private FiledReports() {
    }

    /** Township days first–last, inclusive. */
    record Period(LocalDate first, LocalDate last) {
    }

    /** {@code from}–{@code to} (YYYY-MM-DD), by default the last 365 days up to the township's today. */
    static Period period(ZoneId zone, String from, String to) {
        LocalDate last = to != null ? day("to", to) : LocalDate.now(zone);
        LocalDate first = from != null ? day("from", from) : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ProblemException.badRequest("report.figures.range", MAX_DAYS);
        }
        return new Period(first, last);
    }

    /** A native query over {@link #FILED} with its parameters bound (and :closed for {@link #CLOSED}). */
    static Query query(String sql, String tenant, ZoneId zone, Period period) {
        return Panache.getEntityManager().createNativeQuery(sql, Object[].class)
                .setParameter("closed", ReportState.CLOSED.stream().map(Enum::name).toList())
                .setParameter("tenant", tenant)
                .setParameter("start", period.first().atStartOfDay(zone).toOffsetDateTime())
                .setParameter("end", period.last().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Violation(field, "report.figures.date", value)));
        }
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }

    static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
