package cn.fengxing.pairing.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A rider paired 结对 with an elder from startOn to endOn (township days, inclusive; open while endOn is null). */
@Entity
@Table(name = "pairing")
public class Pairing extends TenantEntity {

    @Column(name = "elder_id")
    public long elderId;

    @Column(name = "rider_id")
    public long riderId;

    @Column(name = "start_on")
    public LocalDate startOn;

    @Column(name = "end_on")
    public LocalDate endOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();
}
