package cn.fengxing.points.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.points.api.LeaderboardRow;
import cn.fengxing.points.api.PointsStanding;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.entity.Squad;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Standings 积分榜: points earned (awards and corrections; spending does not lower a rank) in a calendar month of the
 * township, ranked among its riders, within a squad 小分队, and squad against squad; and a rider's own standing.
 */
@ApplicationScoped
public class PointsStandings {

    /** Earned per rider in the month; :squad 0 for the whole township (ids start at 1). */
    private static final String EARNED = """
            select e.rider_id, sum(e.points) as earned
              from points_entry e join rider r on r.tenant_id = e.tenant_id and r.id = e.rider_id
             where e.tenant_id = :tenant and e.kind in ('award', 'correction') and e.at >= :start and e.at < :end
               and (:squad = 0 or r.squad_id = :squad)
             group by e.rider_id having sum(e.points) > 0
            """;

    @Inject
    TenantContext tenant;

    @Inject
    RiderCodes riders;

    @Inject
    PointsLedger ledger;

    /** The signed-in rider's balance, month and ranks. */
    @Transactional
    public PointsStanding mine() {
        Rider rider = riders.current();
        YearMonth month = YearMonth.now(zone());
        int[] township = rank(rider.id, month, null);
        int[] squad = rider.squadId == null ? new int[] {0, 0, 0} : rank(rider.id, month, rider.squadId);
        Number total = (Number) Panache.getEntityManager().createNativeQuery("select coalesce(sum(points), 0) "
                        + "from points_entry where tenant_id = :tenant and rider_id = :rider and kind in ('award', "
                        + "'correction')")
                .setParameter("tenant", tenant.code()).setParameter("rider", rider.id).getSingleResult();
        String squadName = rider.squadId == null ? null : Squad.<Squad>findByIdOptional(rider.squadId)
                .map(s -> s.name).orElse(null);
        return new PointsStanding(ledger.balance(rider.id), township[0], total.intValue(),
                township[1] == 0 ? null : township[1], township[2], squadName, squad[1] == 0 ? null : squad[1],
                squad[2]);
    }

    /** The month's riders by points earned (yyyy-MM; null: this month), in the township or one squad. */
    @Transactional
    public List<LeaderboardRow> riders(String month, Long squadId, int limit) {
        if (squadId != null && Squad.findById(squadId) == null) {
            throw ProblemException.notFound("squad.unknown", squadId);
        }
        Query query = Panache.getEntityManager().createNativeQuery("""
                select rank() over (order by t.earned desc)::int, r.id, r.name, s.name, t.earned
                  from (%s) t join rider r on r.tenant_id = :tenant and r.id = t.rider_id
                  left join squad s on s.tenant_id = r.tenant_id and s.id = r.squad_id
                 order by t.earned desc, r.name, r.id limit :limit
                """.formatted(EARNED));
        return rows(bind(query, month(month), squadId).setParameter("limit", limit).getResultList(), true);
    }

    /** The month's squads by points their riders earned (yyyy-MM; null: this month). */
    @Transactional
    public List<LeaderboardRow> squads(String month, int limit) {
        Query query = Panache.getEntityManager().createNativeQuery("""
                select rank() over (order by sum(t.earned) desc)::int, null, s.name, s.name, sum(t.earned)
                  from (%s) t join rider r on r.tenant_id = :tenant and r.id = t.rider_id
                  join squad s on s.tenant_id = r.tenant_id and s.id = r.squad_id
                 group by s.id, s.name order by sum(t.earned) desc, s.name limit :limit
                """.formatted(EARNED));
        return rows(bind(query, month(month), null).setParameter("limit", limit).getResultList(), false);
    }

    /** {earned, rank (0: none earned), riders ranked} of the rider in the month. */
    private int[] rank(long riderId, YearMonth month, Long squadId) {
        Query query = Panache.getEntityManager().createNativeQuery("""
                select coalesce(max(t.earned) filter (where t.rider_id = :rider), 0),
                       count(*) filter (where t.earned > coalesce((select x.earned from (%1$s) x
                                                                     where x.rider_id = :rider), -1)),
                       count(*), bool_or(t.rider_id = :rider)
                  from (%1$s) t
                """.formatted(EARNED));
        Object[] row = (Object[]) bind(query, month, squadId).setParameter("rider", riderId).getSingleResult();
        boolean ranked = Boolean.TRUE.equals(row[3]);
        return new int[] {((Number) row[0]).intValue(), ranked ? ((Number) row[1]).intValue() + 1 : 0,
                ((Number) row[2]).intValue()};
    }

    private Query bind(Query query, YearMonth month, Long squadId) {
        ZoneId zone = zone();
        LocalDate first = month.atDay(1);
        return query.setParameter("tenant", tenant.code()).setParameter("squad", squadId == null ? 0L : squadId)
                .setParameter("start", first.atStartOfDay(zone).toOffsetDateTime())
                .setParameter("end", first.plusMonths(1).atStartOfDay(zone).toOffsetDateTime());
    }

    private static List<LeaderboardRow> rows(List<?> result, boolean riders) {
        List<LeaderboardRow> rows = new ArrayList<>();
        for (Object o : result) {
            Object[] r = (Object[]) o;
            rows.add(new LeaderboardRow(((Number) r[0]).intValue(), riders ? ((Number) r[1]).longValue() : null,
                    (String) r[2], (String) r[3], ((Number) r[4]).longValue()));
        }
        return rows;
    }

    private YearMonth month(String month) {
        return month == null ? YearMonth.now(zone()) : YearMonth.parse(month);
    }

    private ZoneId zone() {
        return Tenant.zoneOf(tenant.code());
    }
}
