package cn.fengxing.epass.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An e-pass 电子通行证: lets a rider into one or more friendly communities for a period. Shown as a
 * signed QR code that a guard can check offline; a revocation is seen at the next online check. Tenant data.
 */
@Entity
@Table(name = "epass")
public class Epass extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    public UUID id;

    @Column(name = "rider_id")
    public Long riderId;

    @Column(name = "valid_from")
    public OffsetDateTime validFrom;

    @Column(name = "valid_until")
    public OffsetDateTime validUntil;

    public String status = ACTIVE;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt = OffsetDateTime.now();

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    /** The code of a row imported from the manifest's history; null for a live one. */
    @Column(name = "import_code")
    public String importCode;
}
