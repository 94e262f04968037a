package cn.fengxing.points.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An award waiting for an admin's approval (its rule needs one); approved, it becomes a ledger entry. */
@Entity
@Table(name = "points_claim")
public class PointsClaim extends TenantEntity {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";

    @Column(name = "rider_id")
    public long riderId;

    public String action;

    public int points;

    public String reason;

    public String source;

    public String status = PENDING;

    @Column(name = "proposed_by")
    public String proposedBy;

    public OffsetDateTime at = OffsetDateTime.now();

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;
}
