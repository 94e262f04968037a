package cn.fengxing.open311.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * An API key a township issued to a system that files Open311 service requests. Only the key's SHA-256 is kept;
 * a revoked key stays listed (who revoked it, when). Tenant data.
 */
@Entity
@Table(name = "open311_key")
public class Open311Key extends TenantEntity {

    public String name;

    public String prefix;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
