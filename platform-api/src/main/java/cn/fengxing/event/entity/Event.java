package cn.fengxing.event.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An event 活动 of a township: a training, meeting, forum, health check, legal advice or volunteering. */
@Entity
@Table(name = "event")
public class Event extends TenantEntity {

    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";

    public String kind;

    public String title;

    public String description;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Column(name = "station_id")
    public Long stationId;

    public String address;

    public Double lat;

    public Double lon;

    /** Seats; null: no limit. */
    public Integer capacity;

    @Column(name = "sign_up_until")
    public OffsetDateTime signUpUntil;

    public String status = SCHEDULED;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "created_by")
    public String createdBy;

    /** The manifest's code of a past event imported from the history file; null for events made here. */
    @Column(name = "history_code")
    public String historyCode;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }
}
