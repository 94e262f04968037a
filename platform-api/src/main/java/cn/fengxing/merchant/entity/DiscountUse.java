package cn.fengxing.merchant.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A rider discount a merchant confirmed by scanning the rider's code. Tenant data. */
@Entity
@Table(name = "merchant_discount_use")
public class DiscountUse extends TenantEntity {

    @Column(name = "merchant_id")
    public Long merchantId;

    @Column(name = "rider_id")
    public Long riderId;

    public OffsetDateTime at = OffsetDateTime.now();

    @Column(name = "by_subject")
    public String bySubject;

    public String note;

    /** The code of a row imported from the manifest's history; null for a live one. */
    @Column(name = "import_code")
    public String importCode;
}
