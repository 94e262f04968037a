package cn.fengxing.points.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One line of the points ledger 爱心存折; never changed nor removed (a correction is a new entry). */
@Entity
@Table(name = "points_entry")
public class PointsEntry extends TenantEntity {

    public static final String AWARD = "award";
    public static final String CORRECTION = "correction";
    public static final String SPEND = "spend";
    public static final String REFUND = "refund";

    @Column(name = "rider_id")
    public long riderId;

    public String kind;

    public String action;

    public int points;

    @Column(name = "balance_after")
    public int balanceAfter;

    public String reason;

    /** What caused it (report:17, redemption:4, claim:9, manual:…): one entry per source. */
    public String source;

    @Column(name = "by_subject")
    public String bySubject;

    public OffsetDateTime at = OffsetDateTime.now();
}
