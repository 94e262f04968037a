package cn.fengxing.report.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A rider who met the same hazard and joined the open report ("me too" 我也遇到). Tenant data. */
@Entity
@Table(name = "report_supporter")
public class ReportSupporter extends TenantEntity {

    @jakarta.persistence.Column(name = "report_id")
    public Long reportId;

    public String subject;

    public OffsetDateTime at = OffsetDateTime.now();
}
