package cn.fengxing.pairing.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A look-in 探访 and its sign, counted for the township day of visitedAt. */
@Entity
@Table(name = "pairing_visit")
public class PairingVisit extends TenantEntity {

    @Column(name = "pairing_id")
    public long pairingId;

    @Column(name = "elder_id")
    public long elderId;

    @Column(name = "rider_id")
    public long riderId;

    /** ok, garbage_not_out, no_answer, needs_help. */
    public String outcome;

    /** The township's calendar day of visitedAt. */
    public LocalDate day;

    @Column(name = "visited_at")
    public OffsetDateTime visitedAt;

    public String note;

    @Column(name = "photo_key")
    public String photoKey;

    @Column(name = "photo_width")
    public Integer photoWidth;

    @Column(name = "photo_height")
    public Integer photoHeight;

    /** The rider app's id of the visit: a retry or a queued resend lands once. */
    @Column(name = "request_id")
    public String requestId;

    public String source;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();
}
