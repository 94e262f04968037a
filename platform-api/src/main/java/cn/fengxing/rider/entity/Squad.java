package cn.fengxing.rider.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A rider squad 小分队 with its leader, often one per community (北大街: 9 squads in 9 communities). Tenant data. */
@Entity
@Table(name = "squad")
public class Squad extends TenantEntity {

    public String name;

    @Column(name = "community_id")
    public Long communityId;

    @Column(name = "leader_id")
    public Long leaderId;
}
