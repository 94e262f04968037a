package cn.fengxing.rider.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The admin's one-time code binding an imported rider to whoever enters it; only its SHA-256 is kept. Tenant data. */
@Entity
@Table(name = "rider_binding_code")
public class RiderBindingCode extends TenantEntity {

    @Column(name = "rider_id")
    public long riderId;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** Wrong codes entered for this rider since the code was made. */
    public int attempts;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    public static Optional<RiderBindingCode> ofRider(long riderId) {
        return find("riderId", riderId).firstResultOptional();
    }
}
