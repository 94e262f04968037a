package cn.fengxing.report.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** The township's SLA ({@code categoryId} null) or one category's override (null fields inherit). Tenant data. */
@Entity
@Table(name = "report_sla")
public class ReportSla extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "category_id")
    public Long categoryId;

    @Column(name = "dispatch_minutes")
    public Integer dispatchMinutes;

    @Column(name = "resolve_hours")
    public Integer resolveHours;

    @Column(name = "auto_close_days")
    public Integer autoCloseDays;
}
