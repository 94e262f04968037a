package cn.fengxing.points.service;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.points.api.RedemptionView;
import cn.fengxing.points.entity.PointsEntry;
import cn.fengxing.points.entity.Redemption;
import cn.fengxing.points.entity.Reward;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.station.entity.Station;
import cn.fengxing.station.service.Scans;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Redeeming rewards 积分兑换: a rider spends points on a reward and gets a code; the keeper of the reward's station
 * scans it and hands the item over. Cancelled (by the rider or an admin) or not collected in time, the points and
 * the item go back. A redemption locks the rider's account first and then takes one item only while any is left,
 * so racing riders can neither overdraw their points nor take more items than there are.
 */
@ApplicationScoped
public class Redemptions {

    /** Codes riders read out or show: no 0/O, 1/I/L to confuse at a counter. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PointsLedger ledger;

    @Inject
    PointsViews views;

    @Inject
    RiderCodes riders;

    @Inject
    Rewards rewards;

    @Inject
    Scans scans;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    /** The signed-in rider redeems one of the reward; a retry with the same request id returns the same redemption. */
    @Transactional
    public RedemptionView redeem(long rewardId, String requestId) {
        Rider rider = riders.current();
        Redemption earlier = Redemption.<Redemption>find("riderId = ?1 and requestId = ?2", rider.id, requestId)
                .firstResult();
        if (earlier != null) {
            return views.redemptions(List.of(earlier)).get(0);
        }
        Reward reward = rewards.require(rewardId);
        if (!reward.active) {
            throw ProblemException.conflict("points.reward-inactive", reward.name);
        }
        int balance = ledger.lockedBalance(rider.id);
        if (balance < reward.cost) {
            throw ProblemException.conflict("points.balance-too-low", balance, reward.cost);
        }
        // one item, only while any is left: concurrent redemptions of the last item cannot both pass
        int taken = Panache.getEntityManager().createNativeQuery("update points_reward set stock = stock - 1 "
                        + "where tenant_id = :tenant and id = :id and stock > 0")
                .setParameter("tenant", tenant.code()).setParameter("id", reward.id).executeUpdate();
        if (taken == 0) {
            throw ProblemException.conflict("points.reward-out-of-stock", reward.name);
        }
        Redemption redemption = new Redemption();
        redemption.rewardId = reward.id;
        redemption.riderId = rider.id;
        redemption.cost = reward.cost;
        redemption.code = freshCode();
        redemption.requestId = requestId;
        redemption.expiresAt = OffsetDateTime.now().plus(Duration.ofDays(reward.collectDays));
        redemption.persist();
        ledger.write(rider.id, PointsEntry.SPEND, null, -reward.cost, reward.name, "redemption:" + redemption.id,
                caller.subject(), redemption.at);
        return views.redemptions(List.of(redemption)).get(0);
    }

    /** The rider's own redemptions, newest first. */
    @Transactional
    public Page<RedemptionView> mine(int page, int size) {
        Rider rider = riders.current();
        var query = Redemption.find("riderId", Sort.descending("at", "id"), rider.id);
        return new Page<>(views.redemptions(query.page(page, size).list()), page, size, query.count());
    }

    /** Redemptions for admins (every one) and keepers (their stations' rewards), newest first; by status. */
    @Transactional
    public Page<RedemptionView> list(String status, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (!scans.callerIsAdmin()) {
            where.append(" and rewardId in (select w.id from Reward w, Station s where s.id = w.stationId "
                    + "and s.keeperSubject = :keeper)");
            params.and("keeper", caller.subject());
        }
        var query = Redemption.find(where.toString(), Sort.descending("at", "id"), params);
        return new Page<>(views.redemptions(query.page(page, size).list()), page, size, query.count());
    }

    /**
     * The station keeper (or an admin) scanned a redemption's code and hands the item over. Only the keeper of the
     * reward's station may; a code handed over, cancelled or expired is a 409 problem saying which.
     */
    @Transactional
    public RedemptionView handOver(String scanned) {
        String code = scanned.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        Redemption redemption = Redemption.<Redemption>find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("points.redemption-code-unknown"));
        Reward reward = Reward.findById(redemption.rewardId);
        Station station = Station.findById(reward.stationId);
        scans.requireKeeperOrAdmin(station.keeperSubject);
        if (!Redemption.RESERVED.equals(redemption.status)) {
            throw ProblemException.conflict("points.redemption-" + redemption.status.replace('_', '-'));
        }
        if (redemption.expiresAt.isBefore(OffsetDateTime.now())) {
            throw ProblemException.conflict("points.redemption-expired");
        }
        redemption.status = Redemption.HANDED_OVER;
        redemption.closedAt = OffsetDateTime.now();
        redemption.closedBy = caller.subject();
        return views.redemptions(List.of(redemption)).get(0);
    }

    /** The rider (their own, not yet collected) or an admin cancels: points and the item go back. */
    @Transactional
    public RedemptionView cancel(long id) {
        Redemption redemption = Redemption.<Redemption>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("points.redemption-unknown", id));
        if (!caller.holdsIn(tenant.code(), Role.TENANT_ADMIN)) {
            Rider rider = riders.current();
            if (rider.id != redemption.riderId) {
                throw ProblemException.notFound("points.redemption-unknown", id);
            }
        }
        if (!close(redemption, Redemption.CANCELLED, caller.subject())) {
            throw ProblemException.conflict("points.redemption-" + redemption.status.replace('_', '-'));
        }
        return views.redemptions(List.of(redemption)).get(0);
    }

    /** Returns the points and the item of redemptions not collected in time; how many expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int expireDue() {
        OffsetDateTime now = OffsetDateTime.now();
        int expired = 0;
        for (Redemption due : Redemption.<Redemption>find("status = ?1 and expiresAt < ?2", Redemption.RESERVED, now)
                .page(0, 100).list()) {
            if (close(due, Redemption.EXPIRED, Caller.SYSTEM)) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * Closes a redemption not collected yet, returning its points and item; false if it was closed meanwhile. Locks
     * the rider's account first, then the redemption, as every change of a rider's points does (no deadlock).
     */
    private boolean close(Redemption redemption, String status, String by) {
        ledger.lockedBalance(redemption.riderId);
        Panache.getEntityManager().refresh(redemption, LockModeType.PESSIMISTIC_WRITE);
        if (!Redemption.RESERVED.equals(redemption.status)) {
            return false;
        }
        redemption.status = status;
        redemption.closedAt = OffsetDateTime.now();
        redemption.closedBy = by;
        ledger.write(redemption.riderId, PointsEntry.REFUND, null, redemption.cost, rewardName(redemption),
                "redemption:" + redemption.id + ":" + status, by, redemption.closedAt);
        Panache.getEntityManager().createNativeQuery("update points_reward set stock = stock + 1 "
                        + "where tenant_id = :tenant and id = :id")
                .setParameter("tenant", tenant.code()).setParameter("id", redemption.rewardId).executeUpdate();
        return true;
    }

    private static String rewardName(Redemption redemption) {
        return Reward.<Reward>findByIdOptional(redemption.rewardId).map(w -> w.name).orElse(null);
    }

    private static String freshCode() {
        while (true) {
            StringBuilder code = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (Redemption.byCode(code.toString()).isEmpty()) {
                return code.toString();
            }
        }
    }
}
