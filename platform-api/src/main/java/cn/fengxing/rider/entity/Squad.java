package cn.fengxing.rider.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A rider squad 小分队 with its leader, often one per community (北大街: 9 squads in 9 communities). Tenant data. */
@Entity
@Table(name = "squad")
public class Squad extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "community_id")
    public Long communityId;

    @Column(name = "leader_id")
    public Long leaderId;
}
