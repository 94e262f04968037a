package cn.fengxing.pairing.service;

import cn.fengxing.grid.entity.Community;
import cn.fengxing.pairing.api.ElderCommunity;
import cn.fengxing.pairing.api.ElderDetail;
import cn.fengxing.pairing.api.ElderPairing;
import cn.fengxing.pairing.api.ElderSummary;
import cn.fengxing.pairing.api.PairingLastVisit;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elders as the console reads them, masked (lists, the inbox) or whole (the audited reveal), with their community,
 * current pairing, open alert and latest look-in read in one query each for a whole page.
 */
@ApplicationScoped
public class ElderViews {

    @Inject
    TenantContext tenant;

    /** The township's calendar day today. */
    public LocalDate today() {
        return LocalDate.now(Tenant.zoneOf(tenant.code()));
    }

    /** The URL of an elder's door photo, or null; the key's last part makes a replaced photo a new URL. */
    public String doorPhotoUrl(Elder e) {
        if (e.doorPhotoKey == null) {
            return null;
        }
        return "/api/t/" + tenant.code() + "/pairing/elders/" + e.id + "/door-photo?v="
                + e.doorPhotoKey.substring(e.doorPhotoKey.lastIndexOf('/') + 1);
    }

    public Map<Long, ElderCommunity> communities(Collection<Long> ids) {
        Map<Long, ElderCommunity> out = new HashMap<>();
        if (!ids.isEmpty()) {
            Community.<Community>list("id in ?1", new HashSet<>(ids))
                    .forEach(c -> out.put(c.id, new ElderCommunity(c.code, c.name)));
        }
        return out;
    }

    /** The latest look-in of each elder. */
    public Map<Long, PairingLastVisit> lastVisits(Collection<Long> elderIds) {
        return last("elder_id", elderIds);
    }

    /** The latest look-in of each pairing. */
    public Map<Long, PairingLastVisit> lastVisitsOfPairings(Collection<Long> pairingIds) {
        return last("pairing_id", pairingIds);
    }

    private Map<Long, PairingLastVisit> last(String column, Collection<Long> ids) {
        Map<Long, PairingLastVisit> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT DISTINCT ON (" + column + ") "
                        + column + ", day, outcome FROM pairing_visit WHERE " + column + " IN (:ids) ORDER BY "
                        + column + ", visited_at DESC, id DESC")
                .setParameter("ids", new HashSet<>(ids)).getResultList();
        for (Object[] r : rows) {
            out.put(((Number) r[0]).longValue(), new PairingLastVisit(day(r[1]), (String) r[2]));
        }
        return out;
    }

    static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    public List<ElderSummary> summaries(List<Elder> elders) {
        List<Long> ids = elders.stream().map(e -> e.id).toList();
        Map<Long, ElderCommunity> communities = communities(elders.stream().map(e -> e.communityId).toList());
        Map<Long, ElderPairing> pairings = new HashMap<>();
        Set<Long> alerts = new HashSet<>();
        Map<Long, PairingLastVisit> visits = lastVisits(ids);
        if (!ids.isEmpty()) {
            // the pairing now or next: open, or ending today or later; the earliest of them
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                            SELECT DISTINCT ON (p.elder_id) p.elder_id, p.id, r.name, p.start_on, p.end_on
                            FROM pairing p JOIN rider r ON r.tenant_id = p.tenant_id AND r.id = p.rider_id
                            WHERE p.elder_id IN (:ids) AND (p.end_on IS NULL OR p.end_on >= :today)
                            ORDER BY p.elder_id, p.start_on""")
                    .setParameter("ids", ids).setParameter("today", today()).getResultList();
            for (Object[] r : rows) {
                pairings.put(((Number) r[0]).longValue(), new ElderPairing(((Number) r[1]).longValue(),
                        (String) r[2], day(r[3]), r[4] == null ? null : day(r[4])));
            }
            Panache.getEntityManager().createNativeQuery("""
                            SELECT DISTINCT elder_id FROM pairing_alert
                            WHERE elder_id IN (:ids) AND followed_up_at IS NULL""")
                    .setParameter("ids", ids).getResultList()
                    .forEach(id -> alerts.add(((Number) id).longValue()));
        }
        return elders.stream().map(e -> new ElderSummary(e.id, communities.get(e.communityId), ElderMasking.name(e),
                ElderMasking.address(e.address), ElderMasking.phone(e.phone),
                e.familyContactName != null || e.familyContactPhone != null, e.landmark, doorPhotoUrl(e), e.active,
                pairings.get(e.id), alerts.contains(e.id), visits.get(e.id))).toList();
    }

    public ElderSummary summary(Elder e) {
        return summaries(List.of(e)).get(0);
    }

    public ElderDetail detail(Elder e) {
        return new ElderDetail(e.id, e.familyName, e.givenName, e.address, e.lon, e.lat, e.phone,
                e.familyContactName, e.familyContactPhone, e.notes, e.landmark,
                communities(List.of(e.communityId)).get(e.communityId), e.active);
    }
}
