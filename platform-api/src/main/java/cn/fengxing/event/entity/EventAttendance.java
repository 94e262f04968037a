package cn.fengxing.event.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A rider's check-in 签到 at an event: once per rider and event, by an organiser's scan or the rider's. */
@Entity
@Table(name = "event_attendance")
public class EventAttendance extends TenantEntity {

    public static final String ORGANISER_SCAN = "organiser_scan";
    public static final String RIDER_SCAN = "rider_scan";

    @Column(name = "event_id")
    public long eventId;

    @Column(name = "rider_id")
    public long riderId;

    public OffsetDateTime at = OffsetDateTime.now();

    public String method;

    /** Who scanned (the organiser; the rider for a rider scan). */
    @Column(name = "by_subject")
    public String bySubject;

    /** Points written by the check-in (0 if none or capped). */
    public int points;

    /** The points rule needs approval: a claim waits. */
    @Column(name = "points_pending")
    public boolean pointsPending;
}
