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

import java.util.List;

/** A person's (OIDC subject's) roles in one township. Platform data: one identity, many townships. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_code")
    public String tenantCode;

    public String subject;

    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] roles;

    public String status = ACTIVE;

    public static List<Membership> activeOf(String subject) {
        return list("subject = ?1 and status = ?2 order by tenantCode", subject, ACTIVE);
    }
}
