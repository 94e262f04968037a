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

/** One step of a report's timeline: who, when, what, and what the rider was told. Append-only. Tenant data. */
@Entity
@Table(name = "report_event")
public class ReportEvent extends TenantEntity {

    @Column(name = "report_id")
    public Long reportId;

    public OffsetDateTime at = OffsetDateTime.now();

    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    public String action;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state")
    public String toState;

    public String note;

    @Column(name = "feedback_zh")
    public String feedbackZh;

    @Column(name = "feedback_en")
    public String feedbackEn;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details = Map.of();

    public static List<ReportEvent> of(long reportId) {
        return list("reportId = ?1 order by at, id", reportId);
    }
}
