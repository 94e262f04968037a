package cn.fengxing.outbox.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A domain event (e.g. {@code report.accepted}) written in the transaction of the change it describes,
 * for another capability (points) to consume at least once. One event per type and aggregate. Tenant data.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends TenantEntity {

    /** A rider's report was accepted by the duty desk (its first dispatch); points pay its rider for it. */
    public static final String REPORT_ACCEPTED = "report.accepted";

    public String type;

    @Column(name = "aggregate_type")
    public String aggregateType;

    @Column(name = "aggregate_id")
    public String aggregateId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "consumed_at")
    public OffsetDateTime consumedAt;
}
