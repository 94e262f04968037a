package cn.fengxing.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Map;

/** A township's signing key pair (EC P-256) for the codes riders show. Tenant data. */
@Entity
@Table(name = "tenant_signing_key")
public class SigningKey extends TenantEntity {

    public String kid;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_jwk")
    public Map<String, Object> publicJwk;

    /** The private JWK; never leaves the API. */
    @Column(name = "private_jwk")
    public String privateJwk;

    public boolean active = true;
}
