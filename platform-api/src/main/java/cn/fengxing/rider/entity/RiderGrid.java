package cn.fengxing.rider.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A rider assigned to a grid 网格 (a route may cross several). Tenant data. */
@Entity
@Table(name = "rider_grid")
public class RiderGrid extends TenantEntity {

    @Column(name = "rider_id")
    public Long riderId;

    @Column(name = "grid_id")
    public Long gridId;
}
