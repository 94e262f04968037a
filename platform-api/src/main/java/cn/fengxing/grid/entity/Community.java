package cn.fengxing.grid.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A community 社区 of a township; grids 网格 are drawn inside it. Tenant data. */
@Entity
@Table(name = "community")
public class Community extends TenantEntity {

    public String code;

    public String name;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<Community> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
