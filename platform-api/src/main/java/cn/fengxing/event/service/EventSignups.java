package cn.fengxing.event.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.event.api.EventView;
import cn.fengxing.event.api.SignupView;
import cn.fengxing.event.entity.Event;
import cn.fengxing.event.entity.EventAttendance;
import cn.fengxing.event.entity.EventSignup;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.entity.Squad;
import cn.fengxing.rider.service.PersonalData;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.station.entity.Station;
import cn.fengxing.station.service.Scans;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Riders' sign-ups 报名 for events. Seats are counted with the event row locked, so riders racing for the last seat
 * get it one at a time; past the seats riders wait in order, and the first moves up when a seat frees (a rider
 * cancels, the seats grow).
 */
@ApplicationScoped
public class EventSignups {

    /** Most events a rider's lists return. */
    static final int LIMIT = 100;

    /** The event after a sign-up, and whether this request made it (false: it was so already). */
    public record Result(EventView view, boolean created) {
    }

    @Inject
    RiderCodes riders;

    @Inject
    Events events;

    @Inject
    EventViews views;

    @Inject
    Scans scans;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    /** Scheduled events not yet ended, soonest first, with the rider's part. */
    @Transactional
    public List<EventView> upcoming() {
        Rider rider = riders.current();
        List<Event> list = Event.<Event>find("status = ?1 and endsAt > ?2 order by startsAt, id", Event.SCHEDULED,
                OffsetDateTime.now()).page(0, LIMIT).list();
        return views.of(list, rider.id);
    }

    /** Events the rider signed up for (not withdrawn) or attended, newest first. */
    @Transactional
    public List<EventView> mine() {
        Rider rider = riders.current();
        List<Event> list = Event.<Event>find("id in (select s.eventId from EventSignup s where s.riderId = ?1 and "
                        + "s.status <> ?2) or id in (select a.eventId from EventAttendance a where a.riderId = ?1) "
                        + "order by startsAt desc, id desc", rider.id, EventSignup.CANCELLED)
                .page(0, LIMIT).list();
        return views.of(list, rider.id);
    }

    /**
     * Signs the rider up: a seat while there is one, else the end of the waitlist. Signed up or waitlisted
     * already: as it is. A rider who withdrew queues anew. Closed, cancelled or ended: a 409 problem.
     */
    @Transactional
    public Result signUp(long eventId) {
        Rider rider = riders.current();
        Event event = events.lock(eventId);
        EventSignup signup = EventSignup.<EventSignup>find("eventId = ?1 and riderId = ?2", eventId, rider.id)
                .firstResult();
        if (signup != null && !EventSignup.CANCELLED.equals(signup.status)) {
            return new Result(views.of(List.of(event), rider.id).get(0), false);
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (event.cancelled()) {
            throw ProblemException.conflict("event.cancelled");
        }
        if (!now.isBefore(event.endsAt)) {
            throw ProblemException.conflict("event.ended");
        }
        if (!now.isBefore(event.signUpUntil)) {
            throw ProblemException.conflict("event.sign-up-closed");
        }
        if (signup == null) {
            signup = new EventSignup();
            signup.eventId = eventId;
            signup.riderId = rider.id;
        }
        signup.status = seatFree(event) ? EventSignup.SIGNED_UP : EventSignup.WAITLISTED;
        signup.queuedAt = now;
        signup.cancelledAt = null;
        signup.updatedAt = now;
        signup.persist();
        return new Result(views.of(List.of(event), rider.id).get(0), true);
    }

    /** Withdraws the rider's sign-up; a freed seat goes to the first waitlisted rider. */
    @Transactional
    public EventView withdraw(long eventId) {
        Rider rider = riders.current();
        Event event = events.lock(eventId);
        EventSignup signup = EventSignup.<EventSignup>find("eventId = ?1 and riderId = ?2 and status <> ?3", eventId,
                rider.id, EventSignup.CANCELLED).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("event.not-signed-up"));
        if (!OffsetDateTime.now().isBefore(event.startsAt)) {
            throw ProblemException.conflict("event.started");
        }
        signup.status = EventSignup.CANCELLED;
        signup.cancelledAt = OffsetDateTime.now();
        signup.updatedAt = signup.cancelledAt;
        Panache.getEntityManager().flush();
        if (!event.cancelled()) {
            promote(event);
        }
        return views.of(List.of(event), rider.id).get(0);
    }

    /**
     * Moves waitlisted riders up, first come first, while seats are free; the caller holds the event's lock.
     * Returns how many moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int promote(Event event) {
        int moved = 0;
        Panache.getEntityManager().flush();
        while (seatFree(event)) {
            EventSignup next = EventSignup.<EventSignup>find("eventId = ?1 and status = ?2 order by queuedAt, id",
                    event.id, EventSignup.WAITLISTED).firstResult();
            if (next == null) {
                break;
            }
            next.status = EventSignup.SIGNED_UP;
            next.updatedAt = OffsetDateTime.now();
            Panache.getEntityManager().flush();
            moved++;
        }
        return moved;
    }

    private static boolean seatFree(Event event) {
        return event.capacity == null
                || EventSignup.count("eventId = ?1 and status = ?2", event.id, EventSignup.SIGNED_UP) < event.capacity;
    }

    /**
     * The event's sign-ups: signed up, the waitlist in order, riders who checked in without signing up, then the
     * withdrawn; each with its check-in. A station keeper reads those of events at their own station only.
     */
    @Transactional
    public List<SignupView> list(long eventId, String status) {
        Event event = events.require(eventId);
        requireOrganiserOrReader(event);
        List<EventSignup> signups = EventSignup.<EventSignup>find("eventId = ?1 order by queuedAt, id", eventId).list();
        Map<Long, EventAttendance> attended = new HashMap<>();
        EventAttendance.<EventAttendance>list("eventId", eventId).forEach(a -> attended.put(a.riderId, a));
        List<Long> riderIds = new ArrayList<>(signups.stream().map(s -> s.riderId).toList());
        attended.keySet().stream().filter(id -> !riderIds.contains(id)).forEach(riderIds::add);
        Map<Long, Rider> people = new HashMap<>();
        Map<Long, String> squads = new HashMap<>();
        if (!riderIds.isEmpty()) {
            Rider.<Rider>list("id in ?1", riderIds).forEach(r -> people.put(r.id, r));
            List<Long> squadIds = people.values().stream().map(r -> r.squadId).filter(s -> s != null).distinct()
                    .toList();
            if (!squadIds.isEmpty()) {
                Squad.<Squad>list("id in ?1", squadIds).forEach(s -> squads.put(s.id, s.name));
            }
        }
        List<SignupView> rows = new ArrayList<>();
        int position = 0;
        for (EventSignup s : signups) {
            position += EventSignup.WAITLISTED.equals(s.status) ? 1 : 0;
            rows.add(row(people.get(s.riderId), squads, s.status,
                    EventSignup.WAITLISTED.equals(s.status) ? position : null, s.signedUpAt, attended.get(s.riderId)));
        }
        Set<Long> signedUp = new java.util.HashSet<>(signups.stream().map(s -> s.riderId).toList());
        attended.values().stream().filter(a -> !signedUp.contains(a.riderId))
                .sorted(Comparator.comparing((EventAttendance a) -> a.at).thenComparing(a -> a.id))
                .forEach(a -> rows.add(row(people.get(a.riderId), squads, null, null, null, a)));
        List<String> order = java.util.Arrays.asList(EventSignup.SIGNED_UP, EventSignup.WAITLISTED, null,
                EventSignup.CANCELLED);
        return rows.stream().filter(r -> status == null || status.equals(r.status()))
                .sorted(Comparator.comparingInt(r -> order.indexOf(r.status()))).toList();
    }

    private static SignupView row(Rider r, Map<Long, String> squads, String status, Integer position,
                                  OffsetDateTime signedUpAt, EventAttendance a) {
        return new SignupView(r.id, r.name, PersonalData.maskPhone(r.phone),
                r.squadId == null ? null : squads.get(r.squadId), status, position, signedUpAt,
                a == null ? null : a.at, a == null ? null : a.method);
    }

    /** Admins, dispatchers and handlers read every event's sign-ups; a station keeper those at their station. */
    private void requireOrganiserOrReader(Event event) {
        for (Role role : List.of(Role.TENANT_ADMIN, Role.DISPATCHER, Role.HANDLER)) {
            if (caller.holdsIn(tenant.code(), role)) {
                return;
            }
        }
        requireKeeper(event, scans);
    }

    /** Only the keeper of the event's station (or a tenant admin) acts for it at the door. */
    static void requireKeeper(Event event, Scans scans) {
        Station station = event.stationId == null ? null : Station.<Station>findById(event.stationId);
        scans.requireKeeperOrAdmin(station == null ? null : station.keeperSubject);
    }
}
