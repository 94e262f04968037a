package cn.fengxing.points.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.points.api.PointsAction;
import cn.fengxing.points.entity.PointsAccount;
import cn.fengxing.points.entity.PointsClaim;
import cn.fengxing.points.entity.PointsEntry;
import cn.fengxing.points.entity.PointsRule;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The points ledger 爱心存折 of the current township, and the one way points change: every source (a report accepted,
 * an admin's award or correction, a redemption and its refund; events and care visits later) goes through here.
 * Each change locks the rider's account row first, so one rider's changes queue up: caps hold, the balance is the
 * sum of the entries and never goes below zero, and a source already written (one entry per source) adds nothing.
 */
@ApplicationScoped
public class PointsLedger {

    /** What an award did: the entry written, the claim waiting for approval, or neither (nothing to award). */
    public record Awarded(PointsEntry entry, PointsClaim claim, boolean capped) {
    }

    @Inject
    TenantContext tenant;

    /**
     * Awards {@code action}'s points to a rider (for manual, {@code points}, up to the rule's), from {@code source}.
     * The rule decides: none or inactive awards nothing; one needing approval queues a claim unless {@code approved}
     * (an admin awarding is the approval); caps per day and month of the township's calendar cut the points to what
     * is left. A source seen before returns what it did then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Awarded award(long riderId, PointsAction action, Integer points, String reason, String source, String by,
                         boolean approved, OffsetDateTime at) {
        PointsAccount account = lock(riderId);
        Optional<PointsEntry> done = PointsEntry.find("source", source).firstResultOptional();
        if (done.isPresent()) {
            return new Awarded(done.get(), null, false);
        }
        Optional<PointsClaim> waiting = PointsClaim.find("source", source).firstResultOptional();
        if (waiting.isPresent()) {
            return new Awarded(null, waiting.get(), false);
        }
        PointsRule rule = PointsRule.byAction(action.code()).filter(r -> r.active).orElse(null);
        if (rule == null) {
            return new Awarded(null, null, false);
        }
        int asked = action == PointsAction.manual ? Math.min(points == null ? rule.points : points, rule.points)
                : rule.points;
        if (asked <= 0) {
            return new Awarded(null, null, false);
        }
        if (rule.needsApproval && !approved) {
            PointsClaim claim = new PointsClaim();
            claim.riderId = riderId;
            claim.action = action.code();
            claim.points = asked;
            claim.reason = reason;
            claim.source = source;
            claim.proposedBy = by;
            claim.at = at;
            claim.persist();
            return new Awarded(null, claim, false);
        }
        int granted = Math.min(asked, allowance(rule, riderId, at));
        if (granted <= 0) {
            return new Awarded(null, null, true);
        }
        return new Awarded(append(account, PointsEntry.AWARD, action.code(), granted, reason, source, by, at), null,
                granted < asked);
    }

    /**
     * Writes an entry of any kind for the rider (a correction, a spend, a refund, an award of history) as it is, unless
     * {@code source} already has one (then that one is returned). A change that would take the balance below zero
     * is a 409 problem.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PointsEntry write(long riderId, String kind, String action, int points, String reason, String source,
                             String by, OffsetDateTime at) {
        PointsAccount account = lock(riderId);
        Optional<PointsEntry> done = PointsEntry.find("source", source).firstResultOptional();
        return done.orElseGet(() -> append(account, kind, action, points, reason, source, by, at));
    }

    /** The rider's balance (0 before their first entry). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int balance(long riderId) {
        return PointsAccount.<PointsAccount>find("riderId", riderId).firstResultOptional().map(a -> a.balance).orElse(0);
    }

    /**
     * The rider's balance, their account locked until the transaction ends: a change that must check more than the
     * balance (a reward's stock) takes this lock first, as every change of the rider's points does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int lockedBalance(long riderId) {
        return lock(riderId).balance;
    }

    private PointsEntry append(PointsAccount account, String kind, String action, int points, String reason,
                               String source, String by, OffsetDateTime at) {
        if (account.balance + points < 0) {
            throw ProblemException.conflict("points.balance-too-low", account.balance, -points);
        }
        account.balance += points;
        PointsEntry entry = new PointsEntry();
        entry.riderId = account.riderId;
        entry.kind = kind;
        entry.action = action;
        entry.points = points;
        entry.balanceAfter = account.balance;
        entry.reason = reason;
        entry.source = source;
        entry.bySubject = by;
        entry.at = at;
        entry.persist();
        return entry;
    }

    /** Points the rider may still earn by the rule's action on {@code at}'s day and month (its caps). */
    private int allowance(PointsRule rule, long riderId, OffsetDateTime at) {
        ZoneId zone = Tenant.zoneOf(tenant.code());
        LocalDate day = at.atZoneSameInstant(zone).toLocalDate();
        int left = Integer.MAX_VALUE;
        if (rule.dailyCap != null) {
            left = Math.min(left, rule.dailyCap - earned(rule.action, riderId, day, day.plusDays(1), zone));
        }
        if (rule.monthlyCap != null) {
            LocalDate first = day.withDayOfMonth(1);
            left = Math.min(left, rule.monthlyCap - earned(rule.action, riderId, first, first.plusMonths(1), zone));
        }
        return left;
    }

    private static int earned(String action, long riderId, LocalDate from, LocalDate to, ZoneId zone) {
        Number sum = Panache.getEntityManager().createQuery("select coalesce(sum(e.points), 0) from PointsEntry e "
                        + "where e.riderId = :rider and e.action = :action and e.kind = 'award' and e.at >= :from "
                        + "and e.at < :to", Number.class)
                .setParameter("rider", riderId).setParameter("action", action)
                .setParameter("from", from.atStartOfDay(zone).toOffsetDateTime())
                .setParameter("to", to.atStartOfDay(zone).toOffsetDateTime()).getSingleResult();
        return sum.intValue();
    }

    /** The rider's account row, created on first use, locked for the rest of the transaction. */
    private PointsAccount lock(long riderId) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("insert into points_account (tenant_id, rider_id) values (:tenant, :rider) "
                        + "on conflict (tenant_id, rider_id) do nothing")
                .setParameter("tenant", tenant.code()).setParameter("rider", riderId).executeUpdate();
        return PointsAccount.<PointsAccount>find("riderId", riderId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
