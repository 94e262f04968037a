package cn.fengxing.merchant.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;

/** A rider discount a merchant confirmed by scanning the rider's code. Tenant data. */
@Entity
@Table(name = "merchant_discount_use")
public class DiscountUse extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    @Column(name = "rider_id")
    public Long riderId;

    public OffsetDateTime at = OffsetDateTime.now();

    @Column(name = "by_subject")
    public String bySubject;

    public String note;
}
