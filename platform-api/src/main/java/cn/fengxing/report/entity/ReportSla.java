package cn.fengxing.report.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The township's SLA ({@code categoryId} null) or one category's override (null fields inherit). Tenant data. */
@Entity
@Table(name = "report_sla")
public class ReportSla extends TenantEntity {

    @Column(name = "category_id")
    public Long categoryId;

    @Column(name = "dispatch_minutes")
    public Integer dispatchMinutes;

    @Column(name = "resolve_hours")
    public Integer resolveHours;

    @Column(name = "auto_close_days")
    public Integer autoCloseDays;
}
