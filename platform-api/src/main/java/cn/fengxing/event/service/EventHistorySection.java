package cn.fengxing.event.service;

import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.event.api.EventHistoryEntry;
import cn.fengxing.event.entity.Event;
import cn.fengxing.event.entity.EventAttendance;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Members;
import cn.fengxing.rider.service.HistoryRiders;
import cn.fengxing.station.entity.Station;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifest section {@code eventsHistory}: [{code, kind, title, description, daysAgo, time, minutes, station (code) or
 * address, attendees (phones), by}], the township's past events 活动 with the riders who attended, imported once each
 * by code (then never changed by later applies), after the riders and stations it names. Every entry must be sound
 * or nothing is imported. No points are written: the points of the past are the points history's.
 */
@ApplicationScoped
public class EventHistorySection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    ManifestHistory history;

    @Inject
    Members members;

    @Inject
    TenantContext tenant;

    @Override
    public String key() {
        return "eventsHistory";
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    public List<String> apply(JsonNode section) {
        List<EventHistoryEntry> entries = reader.list(key(), section, EventHistoryEntry.class);
        Set<String> imported = new HashSet<>(Panache.getEntityManager()
                .createQuery("select historyCode from Event where historyCode is not null", String.class)
                .getResultList());
        HistoryRiders riders = new HistoryRiders();
        Map<String, Long> stations = new HashMap<>();
        Station.<Station>listAll().forEach(s -> stations.put(s.code, s.id));
        return history.importNew(key(), entries, imported, "events", (e, field, at, violations) -> {
            check(e, field, at, riders, stations, violations);
        }, (e, at) -> write(e, at, riders, stations));
    }

    private void check(EventHistoryEntry e, String field, OffsetDateTime at, HistoryRiders riders,
                       Map<String, Long> stations, List<Violation> violations) {
        if (e.station() != null) {
            if (!stations.containsKey(e.station())) {
                violations.add(new Violation(field + ".station", "station.unknown", e.station()));
            }
        } else if (e.address() == null || e.address().isBlank()) {
            violations.add(new Violation(field + ".address", "event.place-required"));
        }
        Set<String> seen = new HashSet<>();
        List<String> attendees = e.attendees() == null ? List.of() : e.attendees();
        for (int j = 0; j < attendees.size(); j++) {
            String f = field + ".attendees[" + j + "]";
            if (!seen.add(attendees.get(j))) {
                violations.add(new Violation(f, "event.history-attendee-twice", attendees.get(j)));
            } else {
                riders.active(attendees.get(j), f, violations);
            }
        }
        if (!members.holds(tenant.code(), e.by(), Role.TENANT_ADMIN)
                && !members.holds(tenant.code(), e.by(), Role.STATION_KEEPER)) {
            violations.add(new Violation(field + ".by", "manifest.history.role", e.by(), Role.TENANT_ADMIN.code()));
        }
        // history is what happened: the event is over
        ManifestHistory.past(at.plusMinutes(e.minutes()), field + ".daysAgo", violations);
    }

    private static void write(EventHistoryEntry e, OffsetDateTime at, HistoryRiders riders,
                              Map<String, Long> stations) {
        Event event = new Event();
        event.kind = e.kind().code();
        event.title = e.title().strip();
        event.description = e.description() == null || e.description().isBlank() ? null : e.description().strip();
        event.startsAt = at.withOffsetSameInstant(ZoneOffset.UTC);
        event.endsAt = event.startsAt.plusMinutes(e.minutes());
        event.signUpUntil = event.startsAt;
        event.stationId = e.station() == null ? null : stations.get(e.station());
        event.address = e.address() == null || e.address().isBlank() ? null : e.address().strip();
        event.createdBy = e.by();
        event.createdAt = event.startsAt.minusDays(7);
        event.updatedAt = event.createdAt;
        event.historyCode = e.code();
        event.persist();
        for (String phone : e.attendees() == null ? List.<String>of() : e.attendees()) {
            EventAttendance a = new EventAttendance();
            a.eventId = event.id;
            a.riderId = riders.get(phone).id;
            a.at = event.startsAt;
            a.method = EventAttendance.ORGANISER_SCAN;
            a.bySubject = e.by();
            a.persist();
        }
    }
}
