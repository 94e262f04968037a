package cn.fengxing.station.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A rest station 驿站 (or E站, 小哥加油站, 职工之家) with its location in WGS84. Tenant data. */
@Entity
@Table(name = "station")
public class Station extends TenantEntity {

    public String code;

    public String name;

    public String kind;

    public String grade;

    public String address;

    public double lon;

    public double lat;

    @Column(name = "community_id")
    public Long communityId;

    /** [{code, price}] from the township's amenity list. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> amenities;

    /** Extra services (the X of 1+7+X); the basic ones are the catalogue's. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] services;

    /** {"open24h": true} or {"periods": [{days, from, to}]}, see OpeningHours. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> hours;

    public Integer capacity;

    @Column(name = "keeper_subject")
    public String keeperSubject;

    @Column(name = "contact_phone")
    public String contactPhone;

    public boolean active = true;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<Station> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Everything an admin or a manifest can set, comparable: tells a real change from a re-apply. */
    public List<Object> settable() {
        return Arrays.asList(code, name, kind, grade, address, lon, lat, communityId, amenities,
                services == null ? null : List.of(services), hours, capacity, keeperSubject, contactPhone, active);
    }
}
