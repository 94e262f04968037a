package cn.fengxing.event.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.event.api.EventInput;
import cn.fengxing.event.api.EventView;
import cn.fengxing.event.entity.Event;
import cn.fengxing.event.entity.EventSignup;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.station.entity.Station;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The township's events 活动: planning, changing and cancelling them, and reading them. */
@ApplicationScoped
public class Events {

    /** An event lasts at most this long (a training camp of a week). */
    static final Duration LONGEST = Duration.ofDays(7);
    /** Longest range of days a list may span. */
    static final int MAX_DAYS = 3660;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EventViews views;

    @Inject
    EventSignups signups;

    /** Events starting on days {@code from}–{@code to} of the township's calendar (either open), newest first. */
    @Transactional
    public Page<EventView> list(String fromDay, String toDay, String kind, String status, int page, int size) {
        LocalDate from = day("from", fromDay);
        LocalDate to = day("to", toDay);
        if (from != null && to != null && (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to))) {
            throw ProblemException.badRequest("event.range", MAX_DAYS);
        }
        ZoneId zone = Tenant.zoneOf(tenant.code());
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (from != null) {
            where.add("startsAt >= :from");
            params.and("from", from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            where.add("startsAt < :to");
            params.and("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        Sort order = Sort.descending("startsAt", "id");
        var query = where.isEmpty() ? Event.<Event>findAll(order)
                : Event.<Event>find(String.join(" and ", where), order, params);
        return new Page<>(views.of(query.page(page, size).list(), null), page, size, query.count());
    }

    @Transactional
    public EventView create(EventInput input) {
        Event event = new Event();
        write(event, input, "");
        event.createdBy = caller.subject();
        event.persist();
        audit.record(tenant.code(), "event.create", String.valueOf(event.id), Map.of("kind", event.kind,
                "startsAt", event.startsAt.toString()));
        return view(event);
    }

    /** One event; a rider of the township also gets their own part in it. */
    @Transactional
    public EventView get(long id) {
        Event event = require(id);
        Long rider = caller.holdsIn(tenant.code(), Role.RIDER)
                ? Rider.bySubject(caller.subject()).map(r -> r.id).orElse(null) : null;
        return views.of(List.of(event), rider).get(0);
    }

    /**
     * Replaces the event's fields. Fewer seats than riders signed up is a 409 problem; more seats move the first
     * waitlisted riders up. The event row is locked, so a sign-up counting seats meanwhile waits.
     */
    @Transactional
    public EventView update(long id, EventInput input) {
        Event event = lock(id);
        if (event.cancelled()) {
            throw ProblemException.conflict("event.cancelled");
        }
        long signedUp = EventSignup.count("eventId = ?1 and status = ?2", id, EventSignup.SIGNED_UP);
        if (input.capacity() != null && input.capacity() < signedUp) {
            throw ProblemException.conflict("event.capacity-below-signups", signedUp);
        }
        write(event, input, "");
        event.updatedAt = OffsetDateTime.now();
        int moved = signups.promote(event);
        audit.record(tenant.code(), "event.update", String.valueOf(id), Map.of("startsAt", event.startsAt.toString(),
                "movedUp", moved));
        return view(event);
    }

    /** Cancels with a reason riders read; sign-ups are kept. Cancelling again returns it as it is. */
    @Transactional
    public EventView cancel(long id, String reason) {
        Event event = lock(id);
        if (!event.cancelled()) {
            event.status = Event.CANCELLED;
            event.cancelReason = reason.strip();
            event.cancelledAt = OffsetDateTime.now();
            event.updatedAt = event.cancelledAt;
            audit.record(tenant.code(), "event.cancel", String.valueOf(id), Map.of("reason", event.cancelReason));
        }
        return view(event);
    }

    /** The event; another township's or an unknown one is a 404 problem. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event require(long id) {
        return Event.<Event>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("event.unknown", id));
    }

    /** The event, its row locked until the transaction ends: seats are counted one change at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event lock(long id) {
        return Event.<Event>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("event.unknown", id));
    }

    private EventView view(Event event) {
        return views.of(List.of(event), null).get(0);
    }

    /**
     * Checks and copies the input; each wrong field is named (prefixed by {@code prefix}, for the manifest), all at
     * once, in a 400 problem.
     */
    static void write(Event event, EventInput in, String prefix) {
        List<Violation> violations = new ArrayList<>();
        check(in, prefix, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        event.kind = in.kind().code();
        event.title = in.title().strip();
        event.description = blankToNull(in.description());
        event.startsAt = in.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        event.endsAt = in.endsAt().withOffsetSameInstant(ZoneOffset.UTC);
        event.stationId = in.stationId();
        event.address = blankToNull(in.address());
        event.lat = in.lat();
        event.lon = in.lon();
        event.capacity = in.capacity();
        event.signUpUntil = (in.signUpUntil() == null ? in.startsAt() : in.signUpUntil())
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    static void check(EventInput in, String prefix, List<Violation> violations) {
        if (!in.endsAt().isAfter(in.startsAt())) {
            violations.add(new Violation(prefix + "endsAt", "event.ends-before-start"));
        } else if (in.startsAt().plus(LONGEST).isBefore(in.endsAt())) {
            violations.add(new Violation(prefix + "endsAt", "event.too-long", LONGEST.toDays()));
        }
        if (in.signUpUntil() != null && in.signUpUntil().isAfter(in.endsAt())) {
            violations.add(new Violation(prefix + "signUpUntil", "event.sign-up-after-end"));
        }
        if (in.stationId() != null) {
            if (Station.findByIdOptional(in.stationId()).isEmpty()) {
                violations.add(new Violation(prefix + "stationId", "station.unknown", in.stationId()));
            }
        } else if (blankToNull(in.address()) == null) {
            violations.add(new Violation(prefix + "address", "event.place-required"));
        }
        if ((in.lat() == null) != (in.lon() == null)) {
            violations.add(new Violation(prefix + (in.lat() == null ? "lat" : "lon"), "event.point-incomplete"));
        }
    }

    private static LocalDate day(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Violation(field, "event.date", value)));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
