package cn.fengxing.points.service;

import cn.fengxing.identity.service.Members;
import cn.fengxing.points.api.PointsAction;
import cn.fengxing.points.api.PointsClaimView;
import cn.fengxing.points.api.PointsEntryView;
import cn.fengxing.points.api.RedemptionView;
import cn.fengxing.points.entity.PointsClaim;
import cn.fengxing.points.entity.PointsEntry;
import cn.fengxing.points.entity.Redemption;
import cn.fengxing.points.entity.Reward;
import cn.fengxing.rider.api.RiderCard;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.entity.Squad;
import cn.fengxing.station.entity.Station;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Entries, claims and redemptions as people read them: names, not ids; each list's names read in one query. */
@ApplicationScoped
public class PointsViews {

    @Inject
    Members members;

    @Inject
    TenantContext tenant;

    public List<PointsEntryView> entries(List<PointsEntry> entries) {
        Map<Long, Rider> riders = riders(entries.stream().map(e -> e.riderId).collect(Collectors.toSet()));
        Map<String, String> people = people(entries.stream().map(e -> e.bySubject));
        return entries.stream().map(e -> new PointsEntryView(e.id, e.riderId, name(riders.get(e.riderId)), e.kind,
                e.action == null ? null : PointsAction.of(e.action), e.points, e.reason, e.at, e.balanceAfter,
                people.get(e.bySubject))).toList();
    }

    public List<PointsClaimView> claims(List<PointsClaim> claims) {
        Map<Long, Rider> riders = riders(claims.stream().map(c -> c.riderId).collect(Collectors.toSet()));
        Set<Long> squadIds = riders.values().stream().map(r -> r.squadId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> squads = byId(withIds((q, p) -> Squad.list(q, p), squadIds), (Squad s) -> s.id, s -> s.name);
        Map<String, String> people = people(claims.stream().flatMap(c -> Stream.of(c.proposedBy, c.decidedBy)));
        return claims.stream().map(c -> {
            Rider r = riders.get(c.riderId);
            return new PointsClaimView(c.id, c.riderId, name(r), r == null ? null : squads.get(r.squadId),
                    PointsAction.of(c.action), c.points, c.reason, c.status, people.get(c.proposedBy), c.at,
                    people.get(c.decidedBy), c.decidedAt, c.decisionNote);
        }).toList();
    }

    public List<RedemptionView> redemptions(List<Redemption> redemptions) {
        Map<Long, Rider> riders = riders(redemptions.stream().map(r -> r.riderId).collect(Collectors.toSet()));
        Set<Long> rewardIds = redemptions.stream().map(r -> r.rewardId).collect(Collectors.toSet());
        Map<Long, Reward> rewards = byId(withIds((q, p) -> Reward.list(q, p), rewardIds), (Reward w) -> w.id, w -> w);
        Set<Long> stationIds = rewards.values().stream().map(w -> w.stationId).collect(Collectors.toSet());
        Map<Long, Station> stations = byId(withIds((q, p) -> Station.list(q, p), stationIds), (Station s) -> s.id,
                s -> s);
        return redemptions.stream().map(d -> {
            Reward w = rewards.get(d.rewardId);
            Station s = w == null ? null : stations.get(w.stationId);
            Rider r = riders.get(d.riderId);
            return new RedemptionView(d.id, d.rewardId, w == null ? null : w.name, d.cost, d.code, d.status, d.at,
                    d.expiresAt, d.closedAt, s == null ? null : s.name, s == null ? null : s.address,
                    r == null ? null : RiderCard.of(r));
        }).toList();
    }

    /** Names of the township's members among these subjects (the platform's own steps have none). */
    private Map<String, String> people(Stream<String> subjects) {
        return members.namesOf(tenant.code(), subjects.toList());
    }

    private static Map<Long, Rider> riders(Set<Long> ids) {
        return byId(withIds((q, p) -> Rider.list(q, p), ids), (Rider r) -> r.id, r -> r);
    }

    /**
     * The rows with these ids (none asked, no query). {@code list} calls the entity's own static method: a lambda, not
     * a method reference, which would name PanacheEntityBase's (Panache implements it on each entity only).
     */
    private static <T> List<T> withIds(BiFunction<String, Object[], List<T>> list, Set<Long> ids) {
        return ids.isEmpty() ? List.of() : list.apply("id in ?1", new Object[] {ids});
    }

    private static <E, V> Map<Long, V> byId(Collection<?> rows, Function<E, Long> id, Function<E, V> value) {
        Map<Long, V> map = new HashMap<>();
        for (Object row : rows) {
            @SuppressWarnings("unchecked")
            E e = (E) row;
            map.put(id.apply(e), value.apply(e));
        }
        return map;
    }

    private static String name(Rider r) {
        return r == null ? null : r.name;
    }
}
