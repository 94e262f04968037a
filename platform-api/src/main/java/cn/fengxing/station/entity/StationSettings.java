package cn.fengxing.station.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The township's station settings (one row): grades, amenity list, service catalogue. Tenant data. */
@Entity
@Table(name = "station_settings")
public class StationSettings extends TenantEntity {

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> grades;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> amenities;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, Object>> services;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();
}
