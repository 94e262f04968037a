package cn.fengxing.tenancy.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * A row of tenant data: its township ({@code tenant_id}, filled and filtered by Hibernate's
 * discriminator multitenancy, and guarded by row-level security) and a generated id.
 */
@MappedSuperclass
public abstract class TenantEntity extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
