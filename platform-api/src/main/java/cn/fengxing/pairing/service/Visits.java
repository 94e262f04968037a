package cn.fengxing.pairing.service;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.pairing.api.VisitInput;
import cn.fengxing.pairing.api.VisitView;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.pairing.entity.Pairing;
import cn.fengxing.pairing.entity.PairingVisit;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Look-ins 探访: a paired rider records each one with its sign, for the township day it happened on (at most 72 hours
 * back, so a visit queued offline still counts; never ahead of now beyond a phone clock's drift). The alert rule runs
 * in the same transaction. A retry of a request (same request id, same rider) gives back the visit it made.
 */
@ApplicationScoped
public class Visits {

    /** How far a phone's clock may run ahead. */
    static final Duration AHEAD = Duration.ofMinutes(2);
    /** How far back a queued visit still counts. */
    static final Duration BACK = Duration.ofHours(72);

    /** The outcome of recording: the visit, and whether this request made it (not a retry). */
    public record Recorded(VisitView visit, boolean created) {
    }

    /** A retry that lost the race to its twin: the visit the twin recorded. */
    public static class Retried extends RuntimeException {
        public final transient VisitView visit;

        Retried(VisitView visit) {
            super(null, null, false, false);
            this.visit = visit;
        }
    }

    @Inject
    RiderCodes riders;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    @Inject
    PhotoIntake photos;

    @Inject
    AlertRule rule;

    @Inject
    PairingViews views;

    @Inject
    CommunityStaff staff;

    /** The visit this rider's request recorded earlier, if it is a retry (no photo work for a retry). */
    @Transactional
    public Optional<VisitView> recordedBefore(String requestId) {
        return Rider.bySubject(caller.subject()).flatMap(r -> earlier(r.id, requestId)).map(views::visit);
    }

    /** The signed-in rider records a look-in at their paired elder, with its (already checked) photo if any. */
    @Transactional
    public Recorded record(long pairingId, VisitInput input, List<PhotoIntake.Processed> processed) {
        Rider rider = riders.current();
        // twin requests with one id queue here, so the second finds the first's visit instead of a key clash
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "pairing-visit:" + tenant.code() + ":" + rider.id + ":" + input.requestId())
                .getSingleResult();
        Optional<PairingVisit> earlier = earlier(rider.id, input.requestId());
        if (earlier.isPresent()) {
            throw new Retried(views.visit(earlier.get()));
        }
        Pairing pairing = mine(rider, pairingId);
        OffsetDateTime now = rule.now();
        if (input.visitedAt().isAfter(now.plus(AHEAD))) {
            throw ProblemException.invalid(List.of(new Violation("visitedAt", "pairing.visit.future")));
        }
        if (input.visitedAt().isBefore(now.minus(BACK))) {
            throw ProblemException.invalid(List.of(new Violation("visitedAt", "pairing.visit.too-old",
                    BACK.toHours())));
        }
        PairingVisit v = new PairingVisit();
        v.day = input.visitedAt().atZoneSameInstant(rule.zone()).toLocalDate();
        if (v.day.isBefore(pairing.startOn) || (pairing.endOn != null && v.day.isAfter(pairing.endOn))) {
            throw ProblemException.conflict("pairing.visit.outside-pairing", v.day);
        }
        Elder elder = Elder.findById(pairing.elderId);
        if (!elder.active) {
            throw ProblemException.conflict("pairing.visit.outside-pairing", v.day);
        }
        v.pairingId = pairing.id;
        v.elderId = pairing.elderId;
        v.riderId = rider.id;
        v.outcome = input.outcome();
        v.note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        v.visitedAt = input.visitedAt();
        v.requestId = input.requestId();
        if (!processed.isEmpty()) {
            PhotoIntake.Processed photo = processed.get(0);
            photos.write(processed);
            v.photoKey = photo.key();
            v.photoWidth = photo.width();
            v.photoHeight = photo.height();
        }
        v.persist();
        if (AlertRule.NEEDS_HELP.equals(v.outcome)) {
            rule.needsHelp(v);
        }
        rule.evaluate(pairing);
        return new Recorded(views.visit(v), true);
    }

    /** The rider's visits to their paired elder, newest first. */
    @Transactional
    public Page<VisitView> mine(long pairingId, int page, int size) {
        Rider rider = riders.current();
        Pairing pairing = mine(rider, pairingId);
        var query = PairingVisit.<PairingVisit>find("pairingId = ?1 and riderId = ?2",
                Sort.descending("visitedAt", "id"), pairing.id, rider.id);
        return new Page<>(views.visits(query.page(page, size).list()), page, size, query.count());
    }

    /** An elder's visits, by every rider paired with them, newest first: staff of the elder's community. */
    @Transactional
    public Page<VisitView> ofElder(long elderId, int page, int size) {
        Elder elder = staff.check(Elder.findById(elderId));
        var query = PairingVisit.<PairingVisit>find("elderId", Sort.descending("visitedAt", "id"), elder.id);
        return new Page<>(views.visits(query.page(page, size).list()), page, size, query.count());
    }

    /** A visit's photo (or thumbnail): its rider, and staff of the elder's community; 404 for anyone else. */
    @Transactional
    public byte[] photo(long visitId, boolean thumbnail) {
        PairingVisit v = PairingVisit.findById(visitId);
        boolean visible = v != null && (caller.holdsIn(tenant.code(), Role.RIDER)
                && Rider.bySubject(caller.subject()).map(r -> r.id == v.riderId).orElse(false)
                || staffCovers(v));
        if (!visible || v.photoKey == null) {
            throw ProblemException.notFound("pairing.visit.no-photo", visitId);
        }
        return photos.read(v.photoKey, thumbnail)
                .orElseThrow(() -> ProblemException.notFound("pairing.visit.no-photo", visitId));
    }

    private boolean staffCovers(PairingVisit v) {
        if (!caller.holdsIn(tenant.code(), Role.TENANT_ADMIN) && !caller.holdsIn(tenant.code(), Role.HANDLER)) {
            return false;
        }
        Elder elder = Elder.findById(v.elderId);
        return staff.covers(elder.communityId);
    }

    /** The rider's own pairing; another's (or none) is a 404, as for one that does not exist. */
    private static Pairing mine(Rider rider, long pairingId) {
        Pairing p = Pairing.findById(pairingId);
        if (p == null || p.riderId != rider.id) {
            throw ProblemException.notFound("pairing.mine.not-found", pairingId);
        }
        return p;
    }

    private static Optional<PairingVisit> earlier(long riderId, String requestId) {
        return PairingVisit.find("riderId = ?1 and requestId = ?2", riderId, requestId).firstResultOptional();
    }
}
