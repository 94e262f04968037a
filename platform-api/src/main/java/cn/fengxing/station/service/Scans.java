package cn.fengxing.station.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.identity.service.Members;
import cn.fengxing.station.api.UsageStats;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What rest stations and partner merchants share about scanning a rider's code: who may scan for a
 * place (its keeper 驿站/商户 or the tenant admin), the repeat window that makes a retried scan
 * safe, and the per-day usage figures.
 */
@ApplicationScoped
public class Scans {

    /** A second scan of the same rider at the same place within this window returns the first entry. */
    public static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    /** Longest stats range, in days. */
    static final int MAX_DAYS = 366;

    /** An entry of a scan log, and whether this scan created it (false: a repeat within the window). */
    public record Logged<T>(T entry, boolean created) {

        public <R> Logged<R> map(Function<T, R> mapper) {
            return new Logged<>(mapper.apply(entry), created);
        }
    }

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    @Inject
    Members members;

    /** Adds a violation unless {@code subject} is an active station_keeper member of this township. */
    public void checkKeeper(String subject, String field, List<Violation> violations) {
        if (subject == null) {
            return;
        }
        if (!members.holds(tenant.code(), subject, Role.STATION_KEEPER)) {
            violations.add(new Violation(field, "station.keeper-not-member", subject));
        }
    }

    public boolean callerIsAdmin() {
        return caller.holdsIn(tenant.code(), Role.TENANT_ADMIN);
    }

    /** Only the place's own keeper (or a tenant admin) scans for it or reads its figures. */
    public void requireKeeperOrAdmin(String keeperSubject) {
        if (!callerIsAdmin() && !caller.subject().equals(keeperSubject)) {
            throw ProblemException.forbidden("station.not-keeper");
        }
    }

    /**
     * Logs a scan at a place once: the entry {@code recentSince} finds (same rider, same place, after
     * the given time) if there is one within the repeat window, else the {@code fresh} one, persisted.
     * The place's row is locked first, so two retries arriving together log one entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends PanacheEntityBase> Logged<E> once(PanacheEntityBase place, Function<OffsetDateTime, E> recentSince,
                                                        Supplier<E> fresh) {
        Panache.getEntityManager().lock(place, LockModeType.PESSIMISTIC_WRITE);
        E recent = recentSince.apply(OffsetDateTime.now().minus(REPEAT_WINDOW));
        if (recent != null) {
            return new Logged<>(recent, false);
        }
        E entry = fresh.get();
        entry.persist();
        return new Logged<>(entry, true);
    }

    public ZoneId zone() {
        return Tenant.zoneOf(tenant.code());
    }

    /**
     * Uses of one place per day of the township's calendar, {@code from}–{@code to} inclusive (default:
     * the last 30 days). {@code table} and {@code placeColumn} name a scan log; they are constants.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UsageStats usage(String table, String placeColumn, long placeId, LocalDate from, LocalDate to) {
        ZoneId zone = zone();
        LocalDate last = to != null ? to : LocalDate.now(zone);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ProblemException.badRequest("station.stats-range", MAX_DAYS);
        }
        OffsetDateTime start = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        String where = " from " + table + " where tenant_id = :tenant and " + placeColumn
                + " = :place and at >= :start and at < :end";
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select to_char(at at time zone :zone, 'YYYY-MM-DD'), count(*), "
                        + "count(distinct rider_id)" + where + " group by 1 order by 1")
                .setParameter("zone", zone.getId()).setParameter("tenant", tenant.code()).setParameter("place", placeId)
                .setParameter("start", start).setParameter("end", end).getResultList();
        List<UsageStats.Day> days = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows) {
            long count = ((Number) row[1]).longValue();
            total += count;
            days.add(new UsageStats.Day(LocalDate.parse((String) row[0]), count, ((Number) row[2]).longValue()));
        }
        long riders = ((Number) em.createNativeQuery("select count(distinct rider_id)" + where)
                .setParameter("tenant", tenant.code()).setParameter("place", placeId)
                .setParameter("start", start).setParameter("end", end).getSingleResult()).longValue();
        return new UsageStats(first, last, total, riders, days);
    }
}
