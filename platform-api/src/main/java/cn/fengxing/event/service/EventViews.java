package cn.fengxing.event.service;

import cn.fengxing.event.api.EventKind;
import cn.fengxing.event.api.EventView;
import cn.fengxing.event.api.MySignup;
import cn.fengxing.event.entity.Event;
import cn.fengxing.event.entity.EventAttendance;
import cn.fengxing.event.entity.EventSignup;
import cn.fengxing.points.entity.PointsRule;
import cn.fengxing.station.entity.Station;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events as everyone reads them: counts of sign-ups and check-ins, the station, the points and the window. */
@ApplicationScoped
public class EventViews {

    /** Check-in opens this long before the start and closes at the end. */
    public static final Duration CHECK_IN_EARLY = Duration.ofMinutes(30);

    public static OffsetDateTime checkInOpensAt(Event e) {
        return e.startsAt.minus(CHECK_IN_EARLY);
    }

    /** Whether riders may check in at {@code now}. */
    public static boolean checkInOpen(Event e, OffsetDateTime now) {
        return !now.isBefore(checkInOpensAt(e)) && !now.isAfter(e.endsAt);
    }

    /** The events as views; {@code riderId} non-null adds that rider's part (mine). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventView> of(List<Event> events, Long riderId) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Long> ids = events.stream().map(e -> e.id).toList();
        Map<Long, int[]> counts = counts(ids);
        Map<Long, String> stations = new HashMap<>();
        List<Long> stationIds = events.stream().map(e -> e.stationId).filter(s -> s != null).distinct().toList();
        if (!stationIds.isEmpty()) {
            Station.<Station>list("id in ?1", stationIds).forEach(s -> stations.put(s.id, s.name));
        }
        Map<String, Integer> rules = new HashMap<>();
        PointsRule.<PointsRule>list("active", true).forEach(r -> rules.put(r.action, r.points));
        Map<Long, EventSignup> signups = new HashMap<>();
        Map<Long, EventAttendance> attended = new HashMap<>();
        if (riderId != null) {
            EventSignup.<EventSignup>list("riderId = ?1 and eventId in ?2", riderId, ids)
                    .forEach(s -> signups.put(s.eventId, s));
            EventAttendance.<EventAttendance>list("riderId = ?1 and eventId in ?2", riderId, ids)
                    .forEach(a -> attended.put(a.eventId, a));
        }
        return events.stream().map(e -> {
            int[] c = counts.getOrDefault(e.id, new int[3]);
            EventKind kind = EventKind.of(e.kind);
            Integer points = kind.action == null ? null : rules.get(kind.action.code());
            MySignup mine = riderId == null ? null : mine(e, signups.get(e.id), attended.get(e.id));
            return new EventView(e.id, kind, e.title, e.description, e.startsAt, e.endsAt,
                    e.stationId == null ? null : new EventView.EventStation(e.stationId, stations.get(e.stationId)),
                    e.address, e.lat, e.lon, e.capacity, e.signUpUntil, e.status, e.cancelReason,
                    kind.action, points, c[0], c[1], c[2],
                    e.capacity == null ? null : Math.max(0, e.capacity - c[0]),
                    checkInOpensAt(e), e.endsAt, mine);
        }).toList();
    }

    private static MySignup mine(Event event, EventSignup signup, EventAttendance attendance) {
        Integer position = signup != null && EventSignup.WAITLISTED.equals(signup.status)
                ? waitlistPosition(event.id, signup) : null;
        return new MySignup(signup == null ? null : signup.status, position,
                attendance == null ? null : attendance.at, attendance == null ? null : attendance.points);
    }

    /** 1 for the first waitlisted rider: the queue runs by when riders signed up. */
    static int waitlistPosition(long eventId, EventSignup signup) {
        return (int) EventSignup.count("eventId = ?1 and status = ?2 and (queuedAt < ?3 or (queuedAt = ?3 and id < ?4))",
                eventId, EventSignup.WAITLISTED, signup.queuedAt, signup.id) + 1;
    }

    /** Per event: signed up, waitlisted, attended. */
    private static Map<Long, int[]> counts(Collection<Long> ids) {
        Map<Long, int[]> counts = new HashMap<>();
        var em = Panache.getEntityManager();
        em.createQuery("select s.eventId, s.status, count(s) from EventSignup s where s.eventId in :ids "
                        + "and s.status <> :cancelled group by s.eventId, s.status", Object[].class)
                .setParameter("ids", ids).setParameter("cancelled", EventSignup.CANCELLED).getResultList()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], k -> new int[3])
                        [EventSignup.SIGNED_UP.equals(row[1]) ? 0 : 1] = ((Number) row[2]).intValue());
        em.createQuery("select a.eventId, count(a) from EventAttendance a where a.eventId in :ids group by a.eventId",
                        Object[].class).setParameter("ids", ids).getResultList()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], k -> new int[3])[2] = ((Number) row[1]).intValue());
        return counts;
    }
}
