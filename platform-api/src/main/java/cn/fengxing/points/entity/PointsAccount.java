package cn.fengxing.points.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A rider's balance, always the sum of their ledger entries; the row every change of the rider's points locks
 * first, so concurrent changes queue up.
 */
@Entity
@Table(name = "points_account")
public class PointsAccount extends TenantEntity {

    @Column(name = "rider_id")
    public long riderId;

    public int balance;
}
