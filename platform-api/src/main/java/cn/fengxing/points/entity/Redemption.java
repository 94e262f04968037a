package cn.fengxing.points.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A rider's redemption of a reward: its points are spent and one item held until collected, cancelled or expired. */
@Entity
@Table(name = "points_redemption")
public class Redemption extends TenantEntity {

    public static final String RESERVED = "reserved";
    public static final String HANDED_OVER = "handed_over";
    public static final String CANCELLED = "cancelled";
    public static final String EXPIRED = "expired";

    @Column(name = "reward_id")
    public long rewardId;

    @Column(name = "rider_id")
    public long riderId;

    /** What the rider shows at the station (a QR code of it, or read out). */
    public String code;

    public int cost;

    public String status = RESERVED;

    public OffsetDateTime at = OffsetDateTime.now();

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "request_id")
    public String requestId;

    public static Optional<Redemption> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
