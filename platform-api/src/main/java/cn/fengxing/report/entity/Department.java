package cn.fengxing.report.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A department 部门 (住建, 消防, 公安, 城管, 供电, 燃气 …) that department-level reports go to. Tenant data. */
@Entity
@Table(name = "department")
public class Department extends TenantEntity {

    public String code;

    public String name;

    /** [{name, phone, duty}]: whom the dispatcher calls, listed on urgent reports. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, String>> contacts;

    public boolean active = true;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<Department> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
