package cn.fengxing.identity.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;

/**
 * Staff invited by e-mail or phone while the identity provider keeps no directory the platform can create accounts
 * in: bound to the first person who signs in with that e-mail or phone verified. Platform data, like memberships.
 */
@Entity
@Table(name = "member_invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_code")
    public String tenantCode;

    /** Lower-case e-mail address, or null when invited by phone. */
    public String email;

    /** Mainland mobile number (11 digits), or null when invited by e-mail. */
    public String phone;

    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] roles;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
