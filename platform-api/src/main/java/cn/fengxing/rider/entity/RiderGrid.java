package cn.fengxing.rider.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A rider assigned to a grid 网格 (a route may cross several). Tenant data. */
@Entity
@Table(name = "rider_grid")
public class RiderGrid extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rider_id")
    public Long riderId;

    @Column(name = "grid_id")
    public Long gridId;
}
