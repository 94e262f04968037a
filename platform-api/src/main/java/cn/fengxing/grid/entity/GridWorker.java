package cn.fengxing.grid.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A grid worker 网格员 assigned to a grid: a member with the handler role. Tenant data. */
@Entity
@Table(name = "grid_worker")
public class GridWorker extends TenantEntity {

    @Column(name = "grid_id")
    public Long gridId;

    public String subject;
}
