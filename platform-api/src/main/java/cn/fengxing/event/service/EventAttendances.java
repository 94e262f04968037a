package cn.fengxing.event.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.event.api.AttendanceView;
import cn.fengxing.event.api.CheckInCode;
import cn.fengxing.event.api.EventKind;
import cn.fengxing.event.entity.Event;
import cn.fengxing.event.entity.EventAttendance;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.points.service.PointsLedger;
import cn.fengxing.rider.api.RiderCard;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.station.service.Scans;
import cn.fengxing.tenancy.service.TenantContext;
import cn.fengxing.tenancy.service.TenantKeys;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Check-ins 签到 at events: the organiser scans the rider's personal code, or the rider scans the event's check-in
 * code (a JWS of the township valid two minutes, shown as a QR refreshed every minute, so a photo passed around
 * soon stops working). Once per rider and event, within the window, with the points of the event's kind written in
 * the same transaction.
 */
@ApplicationScoped
public class EventAttendances {

    /** Seconds a check-in code stays valid, and how often the console shows a fresh one. */
    public static final int CODE_SECONDS = 120;
    public static final int REFRESH_SECONDS = 60;
    static final String TYPE = "event";
    /** The ledger source of an event's points: one entry per rider and event. */
    static final String SOURCE = "event:%d:%d";

    @Inject
    Events events;

    @Inject
    RiderCodes riderCodes;

    @Inject
    TenantKeys keys;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    Scans scans;

    @Inject
    PointsLedger ledger;

    /** A fresh check-in code, while riders may check in. */
    @Transactional
    public CheckInCode code(long eventId) {
        Event event = events.require(eventId);
        EventSignups.requireKeeper(event, scans);
        requireOpen(event, OffsetDateTime.now());
        JwtClaims claims = new JwtClaims();
        claims.setSubject(String.valueOf(event.id));
        claims.setClaim("typ", TYPE);
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + CODE_SECONDS));
        return new CheckInCode(keys.sign(tenant.code(), claims),
                OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(CODE_SECONDS).truncatedTo(ChronoUnit.SECONDS),
                REFRESH_SECONDS);
    }

    /** The organiser (an admin, the station's keeper) scanned the rider's personal code. */
    @Transactional
    public AttendanceView organiserScan(long eventId, String riderCode) {
        Event event = events.require(eventId);
        EventSignups.requireKeeper(event, scans);
        Rider rider = riderCodes.verify(riderCode);
        return record(event, rider, EventAttendance.ORGANISER_SCAN);
    }

    /** The signed-in rider scanned the event's check-in code. */
    @Transactional
    public AttendanceView riderScan(String code) {
        Rider rider = riderCodes.current();
        long eventId;
        try {
            JwtClaims claims = keys.verify(tenant.code(), code, false);
            if (!TYPE.equals(claims.getClaimValueAsString("typ"))) {
                throw ProblemException.badRequest("event.code-invalid");
            }
            eventId = Long.parseLong(claims.getSubject());
        } catch (InvalidJwtException | MalformedClaimException | NumberFormatException e) {
            throw ProblemException.badRequest("event.code-invalid");
        }
        Event event = Event.<Event>findByIdOptional(eventId)
                .orElseThrow(() -> ProblemException.badRequest("event.code-invalid"));
        return record(event, rider, EventAttendance.RIDER_SCAN);
    }

    /**
     * Records the check-in once: a second scan (or two arriving together: the unique key makes the later wait and
     * find the first) returns the first. The first writes the kind's points through the ledger.
     */
    private AttendanceView record(Event event, Rider rider, String method) {
        OffsetDateTime now = OffsetDateTime.now();
        EventAttendance first = EventAttendance.<EventAttendance>find("eventId = ?1 and riderId = ?2", event.id,
                rider.id).firstResult();
        if (first != null) {
            return view(event, rider, first, false);
        }
        requireOpen(event, now);
        int inserted = Panache.getEntityManager().createNativeQuery("insert into event_attendance (tenant_id, "
                        + "event_id, rider_id, at, method, by_subject) values (:tenant, :event, :rider, :at, :method, "
                        + ":by) on conflict (tenant_id, event_id, rider_id) do nothing")
                .setParameter("tenant", tenant.code()).setParameter("event", event.id)
                .setParameter("rider", rider.id).setParameter("at", now).setParameter("method", method)
                .setParameter("by", caller.subject()).executeUpdate();
        EventAttendance attendance = EventAttendance.<EventAttendance>find("eventId = ?1 and riderId = ?2", event.id,
                rider.id).firstResult();
        if (inserted == 0) {
            return view(event, rider, attendance, false);
        }
        EventKind kind = EventKind.of(event.kind);
        if (kind.action != null) {
            PointsLedger.Awarded awarded = ledger.award(rider.id, kind.action, null, event.title,
                    SOURCE.formatted(event.id, rider.id), caller.subject(), false, now);
            attendance.points = awarded.entry() == null ? 0 : awarded.entry().points;
            attendance.pointsPending = awarded.claim() != null;
        }
        return view(event, rider, attendance, true);
    }

    /** Riders check in from half an hour before the start to the end, at an event not cancelled. */
    private static void requireOpen(Event event, OffsetDateTime now) {
        if (event.cancelled()) {
            throw ProblemException.conflict("event.cancelled");
        }
        if (!EventViews.checkInOpen(event, now)) {
            throw ProblemException.conflict("event.check-in-closed");
        }
    }

    private static AttendanceView view(Event event, Rider rider, EventAttendance a, boolean created) {
        return new AttendanceView(new AttendanceView.AttendedEvent(event.id, event.title, EventKind.of(event.kind)),
                AttendanceView.AttendingRider.of(RiderCard.of(rider)), a.at, a.method, created,
                a.points, a.pointsPending);
    }
}
