package cn.fengxing.event.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A rider's sign-up 报名 for an event: one row per rider and event. Signed up holds a seat; waitlisted waits in
 * order of {@code queuedAt} for one; cancelled gave it back (signing up again queues anew).
 */
@Entity
@Table(name = "event_signup")
public class EventSignup extends TenantEntity {

    public static final String SIGNED_UP = "signed_up";
    public static final String WAITLISTED = "waitlisted";
    public static final String CANCELLED = "cancelled";

    @Column(name = "event_id")
    public long eventId;

    @Column(name = "rider_id")
    public long riderId;

    public String status;

    /** When the rider signed up (first time): the day figures count it by. */
    @Column(name = "signed_up_at", updatable = false)
    public OffsetDateTime signedUpAt = OffsetDateTime.now();

    /** The place in the queue: when the rider (last) signed up; the waitlist moves up in this order. */
    @Column(name = "queued_at")
    public OffsetDateTime queuedAt = OffsetDateTime.now();

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();
}
