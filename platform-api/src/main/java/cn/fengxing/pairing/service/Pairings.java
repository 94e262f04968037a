package cn.fengxing.pairing.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.pairing.api.ElderCommunity;
import cn.fengxing.pairing.api.MyElder;
import cn.fengxing.pairing.api.PairingElder;
import cn.fengxing.pairing.api.PairingEndInput;
import cn.fengxing.pairing.api.PairingInput;
import cn.fengxing.pairing.api.PairingLastVisit;
import cn.fengxing.pairing.api.PairingRider;
import cn.fengxing.pairing.api.PairingView;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.pairing.entity.Pairing;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pairings 结对 of riders with elders: one elder and one rider per pairing on any day. Pairing locks the elder's row
 * and then the rider's (always in that order), so two pairings racing for either are decided one after the other;
 * the open-pairing unique indexes stand behind it.
 */
@ApplicationScoped
public class Pairings {

    /** How far back the anomalous days in a row are counted for the console's lists. */
    static final int STREAK_LOOKBACK_DAYS = 60;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    CommunityStaff staff;

    @Inject
    Elders elders;

    @Inject
    ElderViews views;

    @Inject
    AuditLog audit;

    @Transactional
    public PairingView create(PairingInput input) {
        Elder elder = elders.lock(input.elderId());
        if (!elder.active) {
            throw ProblemException.invalid(List.of(new Violation("elderId", "pairing.elder.inactive")));
        }
        Rider rider = Rider.findById(input.riderId(), LockModeType.PESSIMISTIC_WRITE);
        if (rider == null || !Rider.ACTIVE.equals(rider.status)) {
            throw ProblemException.invalid(List.of(new Violation("riderId", "pairing.rider-not-active")));
        }
        LocalDate today = views.today();
        if (input.startOn().isBefore(today) || input.startOn().isAfter(today.plusDays(365))) {
            throw ProblemException.invalid(List.of(new Violation("startOn", "pairing.start-on")));
        }
        // spans overlap when the other one has not ended before this one starts (this one is open)
        if (Pairing.count("(elderId = ?1 or riderId = ?2) and (endOn is null or endOn >= ?3)", elder.id, rider.id,
                input.startOn()) > 0) {
            throw ProblemException.conflict("pairing.overlap");
        }
        Pairing p = new Pairing();
        p.elderId = elder.id;
        p.riderId = rider.id;
        p.startOn = input.startOn();
        p.createdBy = caller.subject();
        p.persist();
        audit.record(tenant.code(), "pairing.create", String.valueOf(p.id),
                Map.of("elder", elder.id, "rider", rider.id, "startOn", p.startOn.toString()));
        return views(List.of(p)).get(0);
    }

    /** Ends a pairing on a day (not before its start or its latest look-in); 409 when it has ended already. */
    @Transactional
    public PairingView end(long id, PairingEndInput input) {
        Pairing p = require(id);
        elders.lock(p.elderId);
        if (p.endOn != null) {
            throw ProblemException.conflict("pairing.ended");
        }
        PairingLastVisit last = views.lastVisitsOfPairings(List.of(p.id)).get(p.id);
        if (input.endOn().isBefore(p.startOn) || (last != null && input.endOn().isBefore(last.day()))) {
            throw ProblemException.invalid(List.of(new Violation("endOn", "pairing.end-on")));
        }
        p.endOn = input.endOn();
        audit.record(tenant.code(), "pairing.end", String.valueOf(p.id), Map.of("endOn", p.endOn.toString()));
        return views(List.of(p)).get(0);
    }

    /** Pairings of the caller's communities, newest start first; active: running today or later (or ended). */
    @Transactional
    public Page<PairingView> list(String communityCode, Boolean active, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        Set<Long> communities = null;
        if (!staff.wholeTownship()) {
            communities = new HashSet<>(staff.communities());
        }
        if (communityCode != null) {
            Community c = Community.byCode(communityCode).orElse(null);
            Set<Long> one = c == null ? Set.of() : Set.of(c.id);
            communities = communities == null ? new HashSet<>(one)
                    : communities.stream().filter(one::contains).collect(Collectors.toSet());
        }
        if (communities != null) {
            if (communities.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            where.append(" and elderId in (select e.id from Elder e where e.communityId in :communities)");
            params.put("communities", communities);
        }
        if (active != null) {
            where.append(active ? " and (endOn is null or endOn >= :today)" : " and endOn < :today");
            params.put("today", views.today());
        }
        var query = Pairing.<Pairing>find(where.toString(), Sort.descending("startOn").and("id", Sort.Direction.Descending), params);
        return new Page<>(views(query.page(page, size).list()), page, size, query.count());
    }

    /** The signed-in rider's pairings running today, with the elder as the rider may see them. */
    @Transactional
    public List<MyElder> mine(Rider rider) {
        LocalDate today = views.today();
        List<Pairing> pairings = Pairing.list("riderId = ?1 and startOn <= ?2 and (endOn is null or endOn >= ?2) "
                + "order by startOn, id", rider.id, today);
        if (pairings.isEmpty()) {
            return List.of();
        }
        List<Long> ids = pairings.stream().map(p -> p.id).toList();
        Map<Long, Elder> elderById = Elder.<Elder>list("id in ?1", pairings.stream().map(p -> p.elderId).toList())
                .stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<Long, ElderCommunity> communities = views.communities(elderById.values().stream().map(e -> e.communityId).toList());
        Map<Long, PairingLastVisit> last = views.lastVisitsOfPairings(ids);
        Map<Long, Map<LocalDate, String>> days = dayOutcomes(ids, today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        return pairings.stream().map(p -> {
            Elder e = elderById.get(p.elderId);
            Map<LocalDate, String> week = days.getOrDefault(p.id, Map.of());
            return new MyElder(p.id, e.id, e.givenName, e.address, e.landmark, views.doorPhotoUrl(e), e.lon, e.lat,
                    communities.get(e.communityId).name(), week.size(), last.get(p.id), week.get(today));
        }).toList();
    }

    /** Whether the rider is paired with the elder today (the door photo is theirs to see). */
    @Transactional
    public boolean pairedToday(long riderId, long elderId) {
        LocalDate today = views.today();
        return Pairing.count("riderId = ?1 and elderId = ?2 and startOn <= ?3 and (endOn is null or endOn >= ?3)",
                riderId, elderId, today) > 0;
    }

    private Pairing require(long id) {
        Pairing p = Pairing.findById(id);
        if (p == null) {
            throw ProblemException.notFound("pairing.not-found");
        }
        Elder e = Elder.findById(p.elderId);
        if (e == null || !staff.covers(e.communityId)) {
            throw ProblemException.notFound("pairing.not-found");
        }
        return p;
    }

    /** Each pairing's sign per township day since {@code from}: the day's latest look-in. */
    private Map<Long, Map<LocalDate, String>> dayOutcomes(List<Long> pairingIds, LocalDate from) {
        Map<Long, Map<LocalDate, String>> out = new HashMap<>();
        if (pairingIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        SELECT DISTINCT ON (pairing_id, day) pairing_id, day, outcome FROM pairing_visit
                        WHERE pairing_id IN (:ids) AND day >= :from
                        ORDER BY pairing_id, day, visited_at DESC, id DESC""")
                .setParameter("ids", pairingIds).setParameter("from", from).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
                    .put(ElderViews.day(r[1]), (String) r[2]);
        }
        return out;
    }

    /**
     * Anomalous days in a row now: back from today (when it has a look-in) or yesterday, while the day's latest sign
     * is not ok or the day has none, not before the pairing's start; an ended pairing has none.
     */
    static int streak(Pairing p, Map<LocalDate, String> days, LocalDate today) {
        if (p.endOn != null && p.endOn.isBefore(today)) {
            return 0;
        }
        LocalDate day = days.containsKey(today) ? today : today.minusDays(1);
        int streak = 0;
        while (!day.isBefore(p.startOn) && streak < STREAK_LOOKBACK_DAYS && !"ok".equals(days.get(day))) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private List<PairingView> views(List<Pairing> pairings) {
        if (pairings.isEmpty()) {
            return List.of();
        }
        LocalDate today = views.today();
        List<Long> ids = pairings.stream().map(p -> p.id).toList();
        Map<Long, Elder> elderById = Elder.<Elder>list("id in ?1", pairings.stream().map(p -> p.elderId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<Long, String> riderNames = Rider.<Rider>list("id in ?1", pairings.stream().map(p -> p.riderId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(r -> r.id, r -> r.name));
        Map<Long, ElderCommunity> communities = views.communities(elderById.values().stream().map(e -> e.communityId).toList());
        Map<Long, PairingLastVisit> last = views.lastVisitsOfPairings(ids);
        Map<Long, Map<LocalDate, String>> days = dayOutcomes(ids, today.minusDays(STREAK_LOOKBACK_DAYS + 1L));
        return pairings.stream().map(p -> {
            Elder e = elderById.get(p.elderId);
            return new PairingView(p.id, new PairingElder(e.id, ElderMasking.name(e), communities.get(e.communityId)),
                    new PairingRider(p.riderId, riderNames.get(p.riderId)), p.startOn, p.endOn, last.get(p.id),
                    streak(p, days.getOrDefault(p.id, Map.of()), today));
        }).toList();
    }
}
