package cn.fengxing.report.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;

/**
 * A routing rule 派单规则: reports of a category (in one community, or anywhere) are proposed to a
 * grid worker, the grid worker of the report's grid, or a department, at a level. Tenant data.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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
