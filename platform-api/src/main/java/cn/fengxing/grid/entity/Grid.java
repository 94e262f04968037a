package cn.fengxing.grid.entity;

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
 * A grid 网格 (level {@code grid}) or a micro-grid 微网格 of 30–50 households (level {@code micro},
 * with its grid as parent), with a GeoJSON boundary in WGS84. Tenant data.
 */
@Entity
@Table(name = "grid")
public class Grid extends TenantEntity {

    public static final String LEVEL_GRID = "grid";
    public static final String LEVEL_MICRO = "micro";

    @Column(name = "community_id")
    public Long communityId;

    @Column(name = "parent_id")
    public Long parentId;

    public String code;

    public String name;

    public String level;

    /** Functional type: basic 基础, business 商圈, fusion 融合, mobile 移动. */
    public String type;

    public Integer households;

    /** The grid's work group ("一格一群"). */
    @Column(name = "work_group_link")
    public String workGroupLink;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> boundary;

    @Column(name = "min_lon")
    public double minLon;

    @Column(name = "min_lat")
    public double minLat;

    @Column(name = "max_lon")
    public double maxLon;

    @Column(name = "max_lat")
    public double maxLat;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<Grid> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
