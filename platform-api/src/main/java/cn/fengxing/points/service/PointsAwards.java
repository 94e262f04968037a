package cn.fengxing.points.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.points.api.AwardInput;
import cn.fengxing.points.api.AwardResult;
import cn.fengxing.points.api.CorrectionInput;
import cn.fengxing.points.api.PointsAction;
import cn.fengxing.points.api.PointsClaimView;
import cn.fengxing.points.api.PointsEntryView;
import cn.fengxing.points.entity.PointsClaim;
import cn.fengxing.points.entity.PointsEntry;
import cn.fengxing.points.entity.PointsRule;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Points given by people: awards by hand (an admin's stand; a dispatcher's or grid worker's wait for approval when
 * the action's rule says so), corrections with a reason, the approval queue, and the ledger as admins read it.
 */
@ApplicationScoped
public class PointsAwards {

    @Inject
    PointsLedger ledger;

    @Inject
    PointsViews views;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    @Transactional
    public AwardResult award(AwardInput input) {
        Rider rider = rider(input.riderId());
        PointsRule rule = PointsRule.byAction(input.action().code()).filter(r -> r.active)
                .orElseThrow(() -> ProblemException.conflict("points.no-rule", input.action().code()));
        if (input.action() == PointsAction.manual && input.points() == null) {
            throw ProblemException.badRequest("points.manual-needs-points");
        }
        if (input.action() == PointsAction.manual && input.points() > rule.points) {
            throw ProblemException.badRequest("points.manual-too-many", rule.points);
        }
        boolean admin = caller.holdsIn(tenant.code(), Role.TENANT_ADMIN);
        PointsLedger.Awarded awarded = ledger.award(rider.id, input.action(), input.points(), input.reason().strip(),
                "manual:" + input.requestId(), caller.subject(), admin, OffsetDateTime.now());
        if (awarded.entry() == null && awarded.claim() == null) {
            throw ProblemException.conflict("points.cap-reached");
        }
        audit.record(tenant.code(), "points.award", String.valueOf(rider.id), Map.of("action", input.action().code(),
                "points", awarded.entry() != null ? awarded.entry().points : awarded.claim().points,
                "approval", awarded.claim() != null));
        return result(awarded);
    }

    @Transactional
    public PointsEntryView correct(CorrectionInput input) {
        Rider rider = rider(input.riderId());
        if (input.points() == 0) {
            throw ProblemException.badRequest("points.correction-zero");
        }
        PointsEntry entry = ledger.write(rider.id, PointsEntry.CORRECTION, null, input.points(),
                input.reason().strip(), "correction:" + input.requestId(), caller.subject(), OffsetDateTime.now());
        audit.record(tenant.code(), "points.correct", String.valueOf(rider.id), Map.of("points", input.points()));
        return views.entries(List.of(entry)).get(0);
    }

    @Transactional
    public Page<PointsClaimView> claims(String status, int page, int size) {
        var query = PointsClaim.find("status", Sort.by("at").and("id"), status == null ? PointsClaim.PENDING : status);
        return new Page<>(views.claims(query.page(page, size).list()), page, size, query.count());
    }

    /** Approves a waiting award: its points are written as of the day it was proposed, within that day's caps. */
    @Transactional
    public AwardResult approve(long id, String note) {
        PointsClaim claim = pending(id);
        PointsLedger.Awarded awarded = ledger.award(claim.riderId, PointsAction.of(claim.action), claim.points,
                claim.reason, "claim:" + claim.id, caller.subject(), true, claim.at);
        if (awarded.entry() == null) {
            throw ProblemException.conflict("points.cap-reached");
        }
        decide(claim, PointsClaim.APPROVED, note);
        return result(awarded);
    }

    @Transactional
    public PointsClaimView decline(long id, String note) {
        PointsClaim claim = pending(id);
        decide(claim, PointsClaim.DECLINED, note);
        return views.claims(List.of(claim)).get(0);
    }

    /** The ledger, newest first, of one rider or the whole township. */
    @Transactional
    public Page<PointsEntryView> entries(Long riderId, int page, int size) {
        Sort newest = Sort.descending("at", "id");
        var query = riderId == null ? PointsEntry.findAll(newest) : PointsEntry.find("riderId", newest, riderId);
        return new Page<>(views.entries(query.page(page, size).list()), page, size, query.count());
    }

    private void decide(PointsClaim claim, String status, String note) {
        claim.status = status;
        claim.decidedBy = caller.subject();
        claim.decidedAt = OffsetDateTime.now();
        claim.decisionNote = note == null || note.isBlank() ? null : note.strip();
        String action = PointsClaim.APPROVED.equals(status) ? "points.claim.approved" : "points.claim.declined";
        audit.record(tenant.code(), action, String.valueOf(claim.id), Map.of("rider", claim.riderId,
                "points", claim.points));
    }

    private PointsClaim pending(long id) {
        PointsClaim claim = PointsClaim.<PointsClaim>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("points.claim-unknown", id));
        if (!PointsClaim.PENDING.equals(claim.status)) {
            throw ProblemException.conflict("points.claim-" + claim.status);
        }
        return claim;
    }

    private static Rider rider(long id) {
        return Rider.<Rider>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("rider.unknown", id));
    }

    private AwardResult result(PointsLedger.Awarded awarded) {
        return new AwardResult(awarded.entry() == null ? null : views.entries(List.of(awarded.entry())).get(0),
                awarded.claim() == null ? null : views.claims(List.of(awarded.claim())).get(0), awarded.capped());
    }
}
