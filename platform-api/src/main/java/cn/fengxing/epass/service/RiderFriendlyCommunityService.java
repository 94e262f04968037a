package cn.fengxing.epass.service;

import cn.fengxing.common.geo.Distances;
import cn.fengxing.epass.api.HeldPass;
import cn.fengxing.epass.api.NearbyFriendlyCommunity;
import cn.fengxing.epass.api.RiderFriendlyCommunityView;
import cn.fengxing.epass.entity.Epass;
import cn.fengxing.epass.entity.FriendlyCommunity;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Friendly communities as an active rider sees them: the nearest ones, each map, and the rider's own e-pass for each. */
@ApplicationScoped
public class RiderFriendlyCommunityService {

    @Inject
    RiderCodes riders;

    /** The friendly communities whose main entrance is nearest to (lon, lat), nearest first. */
    @Transactional
    public List<NearbyFriendlyCommunity> nearby(double lon, double lat, int limit) {
        Rider rider = riders.current();
        // a township has dozens of friendly communities: rank them in memory, as stations are
        var ranked = Distances.nearest(FriendlyCommunity.<FriendlyCommunity>listAll(), f -> f.lon, f -> f.lat, lon, lat,
                limit);
        Map<Long, HeldPass> passes = held(rider, ranked.stream().map(r -> r.item().id).toList());
        return ranked.stream().map(r -> {
            FriendlyCommunity f = r.item();
            return new NearbyFriendlyCommunity(f.id, f.code, f.name, f.address, f.lon, f.lat, r.metres(), kinds(f),
                    passes.get(f.id));
        }).toList();
    }

    @Transactional
    public RiderFriendlyCommunityView get(long id) {
        Rider rider = riders.current();
        FriendlyCommunity f = FriendlyCommunityService.require(id);
        return new RiderFriendlyCommunityView(f.id, f.code, f.name, f.address, f.lon, f.lat, f.map, f.notes,
                held(rider, List.of(f.id)).get(f.id));
    }

    private static List<String> kinds(FriendlyCommunity f) {
        TreeSet<String> kinds = new TreeSet<>();
        if (f.map.get("features") instanceof List<?> features) {
            for (Object feature : features) {
                if (feature instanceof Map<?, ?> m && m.get("properties") instanceof Map<?, ?> p
                        && p.get("kind") instanceof String kind) {
                    kinds.add(kind);
                }
            }
        }
        return List.copyOf(kinds);
    }

    /** Per friendly community, the rider's pass valid now (same rule as the guard's check) that ends last. */
    private static Map<Long, HeldPass> held(Rider rider, List<Long> ids) {
        Map<Long, HeldPass> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<Object[]> rows = Epass.getEntityManager().createQuery("""
                        select c.friendlyCommunityId, e.id, e.validUntil from EpassCommunity c, Epass e
                         where e.id = c.epassId and e.riderId = :rider and e.status = :active
                           and e.validFrom <= :now and e.validUntil > :now and c.friendlyCommunityId in :ids
                         order by e.validUntil""", Object[].class)
                .setParameter("rider", rider.id).setParameter("active", Epass.ACTIVE).setParameter("now", now)
                .setParameter("ids", ids).getResultList();
        // ordered by end of validity, so the last put per community is the pass that runs longest
        rows.forEach(r -> out.put((Long) r[0], new HeldPass((UUID) r[1], (OffsetDateTime) r[2])));
        return out;
    }
}
