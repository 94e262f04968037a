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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A township or street office 乡镇/街道 that switched the platform on: one tenant. Platform data. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

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

    /** Codes of the townships that are switched on, for work that runs over all of them (scheduled jobs). */
    public static List<String> activeCodes() {
        return Tenant.<Tenant>list("status = ?1 order by code", ACTIVE).stream().map(t -> t.code).toList();
    }

    /** The township's time zone, whose calendar days its figures count in. */
    public static ZoneId zoneOf(String code) {
        return ZoneId.of(byCode(code).map(t -> t.timeZone).orElse(DEFAULT_TIME_ZONE));
    }
}
