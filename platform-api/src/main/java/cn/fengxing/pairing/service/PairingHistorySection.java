package cn.fengxing.pairing.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.pairing.api.PairingHistory;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.pairing.entity.Pairing;
import cn.fengxing.pairing.entity.PairingAlert;
import cn.fengxing.pairing.entity.PairingVisit;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifest section {@code pairingHistory} (see {@link PairingHistory}): elders, their pairings, look-ins and alerts
 * so far. Each elder is imported once by its key (source history:key) together with everything the history says
 * about it, and never touched by later applies; nothing is notified. After the communities and riders it names.
 */
@ApplicationScoped
public class PairingHistorySection implements ManifestSection {

    static final String SOURCE = "history:";

    @Inject
    SectionReader reader;

    @Inject
    TenantContext tenant;

    @Inject
    PairingSettingsService settings;

    /** The township's zone and the day the manifest is applied. */
    private record Clock(ZoneId zone, LocalDate today) {

        /** {@code daysAgo} days before the day the manifest is applied, at {@code time} of the township's clock. */
        OffsetDateTime at(int daysAgo, String time) {
            return today.minusDays(daysAgo).atTime(LocalTime.parse(time)).atZone(zone).toOffsetDateTime();
        }

        LocalDate day(OffsetDateTime at) {
            return at.atZoneSameInstant(zone).toLocalDate();
        }
    }

    @Override
    public String key() {
        return "pairingHistory";
    }

    @Override
    public int order() {
        return 98;
    }

    @Override
    public List<String> apply(JsonNode section) {
        PairingHistory h = reader.object(key(), section, PairingHistory.class);
        Set<String> imported = new HashSet<>();
        Panache.getEntityManager().createQuery("select e.source from Elder e where e.source like :prefix",
                        String.class).setParameter("prefix", SOURCE + "%").getResultList()
                .forEach(s -> imported.add(s.substring(SOURCE.length())));
        ZoneId zone = Tenant.zoneOf(tenant.code());
        Clock clock = new Clock(zone, LocalDate.now(zone));
        List<Violation> violations = new ArrayList<>();
        Map<String, Community> communities = new HashMap<>();
        Community.<Community>listAll().forEach(c -> communities.put(c.code, c));
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < h.elders().size(); i++) {
            PairingHistory.Elder e = h.elders().get(i);
            String field = key() + ".elders[" + i + "]";
            if (!keys.add(e.key())) {
                violations.add(new Violation(field + ".key", "manifest.history.duplicate-code", e.key()));
            }
            if (!communities.containsKey(e.community())) {
                violations.add(new Violation(field + ".community", "pairing.history.community", e.community()));
            }
            if ((e.lon() == null) != (e.lat() == null)) {
                violations.add(new Violation(field + ".lat", "pairing.elder.lon-lat"));
            }
        }
        Map<String, PairingHistory.Pair> pairOf = new HashMap<>();
        Map<String, Rider> riders = new HashMap<>();
        for (int i = 0; i < h.pairings().size(); i++) {
            PairingHistory.Pair p = h.pairings().get(i);
            String field = key() + ".pairings[" + i + "]";
            if (!keys.contains(p.elder())) {
                violations.add(new Violation(field + ".elder", "pairing.history.elder", p.elder()));
            } else if (pairOf.putIfAbsent(p.elder(), p) != null) {
                violations.add(new Violation(field + ".elder", "pairing.history.visits-without-pairing", p.elder()));
            }
            if (pairOf.values().stream().filter(o -> o.riderPhone().equals(p.riderPhone())).count() > 1) {
                violations.add(new Violation(field + ".riderPhone", "pairing.overlap"));
            }
            Rider rider = riders.computeIfAbsent(p.riderPhone(), phone -> Rider.byPhone(phone).orElse(null));
            if (rider == null) {
                violations.add(new Violation(field + ".riderPhone", "manifest.history.rider", p.riderPhone()));
            } else if (!Rider.ACTIVE.equals(rider.status)) {
                violations.add(new Violation(field + ".riderPhone", "manifest.history.rider-not-active", rider.status));
            } else if (!imported.contains(p.elder())
                    && Pairing.count("riderId = ?1 and endOn is null", rider.id) > 0) {
                violations.add(new Violation(field + ".riderPhone", "pairing.overlap"));
            }
        }
        for (int i = 0; i < h.visits().size(); i++) {
            PairingHistory.Visit v = h.visits().get(i);
            PairingHistory.Pair p = pairOf.get(v.elder());
            if (p == null || v.daysAgo() > p.startDaysAgo()) {
                violations.add(new Violation(key() + ".visits[" + i + "].elder", "pairing.history.pairing", v.elder()));
            } else if (!imported.contains(v.elder())) {
                ManifestHistory.past(clock.at(v.daysAgo(), v.time()), key() + ".visits[" + i + "].daysAgo",
                        violations);
            }
        }
        for (int i = 0; i < h.alerts().size(); i++) {
            PairingHistory.Alert a = h.alerts().get(i);
            PairingHistory.Pair p = pairOf.get(a.elder());
            String field = key() + ".alerts[" + i + "]";
            if (p == null || a.streakFromDaysAgo() > p.startDaysAgo() || a.streakToDaysAgo() > a.streakFromDaysAgo()
                    || a.raisedDaysAgo() > a.streakToDaysAgo()) {
                violations.add(new Violation(field + ".elder", "pairing.history.pairing", a.elder()));
            } else if (!imported.contains(a.elder())) {
                ManifestHistory.past(clock.at(a.raisedDaysAgo(), a.time()).plusMinutes(a.followUpMinutes()),
                        field + ".followUpMinutes", violations);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return write(h, clock, imported, communities, riders, pairOf);
    }

    private List<String> write(PairingHistory h, Clock clock, Set<String> imported, Map<String, Community> communities,
                               Map<String, Rider> riders, Map<String, PairingHistory.Pair> pairOf) {
        Map<String, Elder> elders = new HashMap<>();
        for (PairingHistory.Elder in : h.elders()) {
            if (imported.contains(in.key())) {
                continue;
            }
            Elder e = new Elder();
            e.communityId = communities.get(in.community()).id;
            e.familyName = in.familyName();
            e.givenName = in.givenName();
            e.address = in.address();
            e.lon = in.lon();
            e.lat = in.lat();
            e.phone = Elders.phone(in.phone());
            e.familyContactName = in.familyContactName();
            e.familyContactPhone = Elders.phone(in.familyContactPhone());
            e.landmark = in.landmark();
            e.notes = in.notes();
            e.source = SOURCE + in.key();
            Integer start = pairOf.containsKey(in.key()) ? pairOf.get(in.key()).startDaysAgo() : null;
            e.createdAt = clock.at(start == null ? 0 : start + 1, "10:00");
            e.updatedAt = e.createdAt;
            e.persist();
            elders.put(in.key(), e);
        }
        Map<String, Pairing> pairings = new HashMap<>();
        for (PairingHistory.Pair in : h.pairings()) {
            Elder e = elders.get(in.elder());
            if (e == null) {
                continue;
            }
            Pairing p = new Pairing();
            p.elderId = e.id;
            p.riderId = riders.get(in.riderPhone()).id;
            p.createdAt = clock.at(in.startDaysAgo(), "09:00");
            p.startOn = clock.day(p.createdAt);
            p.persist();
            pairings.put(in.elder(), p);
        }
        int visits = 0;
        Map<String, Integer> numbers = new HashMap<>();
        for (PairingHistory.Visit in : h.visits()) {
            Pairing p = pairings.get(in.elder());
            if (p == null) {
                continue;
            }
            int n = numbers.merge(in.elder(), 1, Integer::sum);
            PairingVisit v = new PairingVisit();
            v.pairingId = p.id;
            v.elderId = p.elderId;
            v.riderId = p.riderId;
            v.outcome = in.outcome();
            v.visitedAt = clock.at(in.daysAgo(), in.time());
            v.day = clock.day(v.visitedAt);
            v.note = in.note();
            v.requestId = SOURCE + in.elder() + ":" + n;
            v.source = v.requestId;
            v.createdAt = v.visitedAt;
            v.persist();
            visits++;
        }
        int followUpMinutes = settings.current().followUpMinutes;
        int alerts = 0;
        for (PairingHistory.Alert in : h.alerts()) {
            Pairing p = pairings.get(in.elder());
            if (p == null) {
                continue;
            }
            PairingAlert a = new PairingAlert();
            a.elderId = p.elderId;
            a.pairingId = p.id;
            a.reason = in.reason();
            a.streakFrom = clock.day(clock.at(in.streakFromDaysAgo(), "12:00"));
            a.streakTo = clock.day(clock.at(in.streakToDaysAgo(), "12:00"));
            a.raisedAt = clock.at(in.raisedDaysAgo(), in.time());
            a.dueAt = a.raisedAt.plusMinutes(followUpMinutes);
            OffsetDateTime followedUp = a.raisedAt.plusMinutes(in.followUpMinutes());
            if (followedUp.isAfter(a.dueAt)) {
                a.escalatedAt = a.dueAt;
            }
            a.followedUpAt = followedUp;
            a.followedUpBy = in.by();
            a.outcome = in.outcome();
            a.followUpNote = in.note();
            a.source = SOURCE + in.elder() + ":" + in.streakFromDaysAgo();
            a.persist();
            alerts++;
        }
        if (elders.isEmpty()) {
            return List.of();
        }
        return List.of("+ " + elders.size() + " elders, " + pairings.size() + " pairings, " + visits + " look-ins and "
                + alerts + " alerts of history");
    }
}
