package cn.fengxing.care.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A care service 关爱服务 given to one rider: insurance 保险 (with its cover), hardship aid 困难帮扶, a seasonal gift
 * 节日慰问 or a health check 健康体检. The rider, the amount and the policy number are personal data.
 */
@Entity
@Table(name = "care_record")
public class CareRecord extends TenantEntity {

    @Column(name = "rider_id")
    public long riderId;

    public String kind;

    @Column(name = "given_on")
    public LocalDate givenOn;

    public String title;

    public String detail;

    /** Yuan. */
    public BigDecimal amount;

    @Column(name = "cover_start")
    public LocalDate coverStart;

    @Column(name = "cover_end")
    public LocalDate coverEnd;

    /** The policy number 保单号. */
    public String reference;

    public String note;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** history:code for a manifest's history, else none. */
    public String source;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();
}
