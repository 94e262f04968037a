package cn.fengxing.pairing.service;

import cn.fengxing.grid.entity.Community;
import cn.fengxing.identity.service.Members;
import cn.fengxing.pairing.api.AlertView;
import cn.fengxing.pairing.api.VisitView;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.pairing.entity.Pairing;
import cn.fengxing.pairing.entity.PairingAlert;
import cn.fengxing.pairing.entity.PairingVisit;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Visits and alerts as people read them: riders and staff by name, elders masked, a list's names read in a few
 * queries, never ids of sign-ins.
 */
@ApplicationScoped
public class PairingViews {

    @Inject
    TenantContext tenant;

    @Inject
    Members members;

    public VisitView visit(PairingVisit v) {
        return visits(List.of(v)).get(0);
    }

    public List<VisitView> visits(List<PairingVisit> visits) {
        if (visits.isEmpty()) {
            return List.of();
        }
        Map<Long, String> riders = riderNames(visits.stream().map(v -> v.riderId).collect(Collectors.toSet()));
        Set<Long> alerted = alerted(visits);
        return visits.stream().map(v -> new VisitView(v.id, v.day, v.outcome, v.note, v.visitedAt,
                v.photoKey == null ? null : "/api/t/" + tenant.code() + "/pairing/visits/" + v.id + "/photo",
                alerted.contains(v.id), riders.get(v.riderId))).toList();
    }

    /** The visits that belong to an alert: a call for help's own, or an anomalous day of an alerted streak. */
    @SuppressWarnings("unchecked")
    private Set<Long> alerted(List<PairingVisit> visits) {
        List<Long> ids = visits.stream().map(v -> v.id).toList();
        return new HashSet<>(Panache.getEntityManager().createNativeQuery("""
                        select v.id from pairing_visit v
                         where v.tenant_id = :tenant and v.id in (:ids) and exists (
                               select 1 from pairing_alert a
                                where a.tenant_id = v.tenant_id and a.elder_id = v.elder_id
                                  and (a.visit_id = v.id or (a.reason = 'streak' and v.outcome <> 'ok'
                                       and v.day between a.streak_from and a.streak_to)))""", Long.class)
                .setParameter("tenant", tenant.code()).setParameter("ids", ids).getResultList());
    }

    public AlertView alert(PairingAlert a, List<VisitView> visits) {
        return alerts(List.of(a), visits).get(0);
    }

    public List<AlertView> alerts(List<PairingAlert> alerts) {
        return alerts(alerts, null);
    }

    private List<AlertView> alerts(List<PairingAlert> alerts, List<VisitView> visits) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Map<Long, Elder> elders = byId(Elder.<Elder>list("id in ?1",
                alerts.stream().map(a -> a.elderId).collect(Collectors.toSet())), e -> e.id);
        Map<Long, Community> communities = byId(Community.<Community>list("id in ?1",
                elders.values().stream().map(e -> e.communityId).collect(Collectors.toSet())), c -> c.id);
        Map<Long, Pairing> pairings = byId(Pairing.<Pairing>list("id in ?1",
                alerts.stream().map(a -> a.pairingId).collect(Collectors.toSet())), p -> p.id);
        Map<Long, String> riders = riderNames(pairings.values().stream().map(p -> p.riderId)
                .collect(Collectors.toSet()));
        Map<String, String> people = members.namesOf(tenant.code(), alerts.stream().map(a -> a.followedUpBy)
                .filter(Objects::nonNull).toList());
        return alerts.stream().map(a -> {
            Elder e = elders.get(a.elderId);
            Community c = communities.get(e.communityId);
            Pairing p = pairings.get(a.pairingId);
            return new AlertView(a.id, new AlertView.AlertElder(e.id, ElderMasking.name(e),
                    new AlertView.Community(c.code, c.name)), new AlertView.AlertRider(riders.get(p.riderId)),
                    a.reason, a.streakFrom, a.streakTo, AlertRule.days(a), a.raisedAt, a.dueAt, a.escalatedAt,
                    a.followedUpAt, a.followedUpBy == null ? null : people.get(a.followedUpBy), a.outcome,
                    a.followUpNote, state(a), visits);
        }).toList();
    }

    /** open until followed up (escalated once past due), then closed. */
    static String state(PairingAlert a) {
        return a.followedUpAt != null ? "closed" : a.escalatedAt != null ? "escalated" : "open";
    }

    private static Map<Long, String> riderNames(Set<Long> ids) {
        return ids.isEmpty() ? Map.of() : Rider.<Rider>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(r -> r.id, r -> r.name));
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
