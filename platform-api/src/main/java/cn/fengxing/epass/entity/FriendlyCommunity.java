package cn.fengxing.epass.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A rider-friendly community 骑手友好小区: a residential compound that lets riders in, with a map
 * (GeoJSON features: entrances, buildings and units, rider parking, facilities, landmarks). Tenant data.
 */
@Entity
@Table(name = "friendly_community")
public class FriendlyCommunity extends TenantEntity {

    public String code;

    public String name;

    /** The community 社区 the compound lies in, where known. */
    @Column(name = "community_id")
    public Long communityId;

    public String address;

    public double lon;

    public double lat;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> map;

    public String notes;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<FriendlyCommunity> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
