package cn.fengxing.report.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A routing rule 派单规则: reports of a category (in one community, or anywhere) are proposed to a
 * grid worker, the grid worker of the report's grid, or a department, at a level. Tenant data.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends TenantEntity {

    @Column(name = "category_id")
    public Long categoryId;

    @Column(name = "community_id")
    public Long communityId;

    public String level;

    @Column(name = "target_kind")
    public String targetKind;

    @Column(name = "handler_subject")
    public String handlerSubject;

    @Column(name = "department_id")
    public Long departmentId;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();
}
