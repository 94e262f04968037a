package cn.fengxing.report.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A category a rider picks when reporting 随手拍: a group (公共安全, 消防隐患 …) or a sub-category of
 * one (消防隐患 › 燃气泄漏). Never deleted once created: reports will point at it, so it is deactivated.
 * Tenant data.
 */
@Entity
@Table(name = "report_category")
public class ReportCategory extends TenantEntity {

    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "parent_id")
    public Long parentId;

    /** Escalated at once, with the department contacts listed (紧急). */
    public boolean urgent;

    /** The app stops the rider with {@link #hotlineText} (e.g. 请立即拨打 119) and still files the report as urgent. */
    @Column(name = "emergency_stop")
    public boolean emergencyStop;

    @Column(name = "hotline_text")
    public String hotlineText;

    public boolean active = true;

    @Column(name = "sort_order")
    public int sortOrder;

    /** The platform group regional comparison counts it in; null: its group's, else by its code (ComparisonGroup). */
    @Column(name = "comparison_group")
    public String comparisonGroup;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Optional<ReportCategory> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
