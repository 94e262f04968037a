package cn.fengxing.tenancy.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** A township or street office 乡镇/街道 that switched the platform on: one tenant. Platform data. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";

    @Id
    public String code;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @ManyToOne(optional = false)
    @JoinColumn(name = "region_id")
    public Region region;

    public String status = ACTIVE;

    @Column(name = "time_zone")
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> settings;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<Tenant> byCode(String code) {
        return findByIdOptional(code);
    }

    public boolean suspended() {
        return SUSPENDED.equals(status);
    }
}
