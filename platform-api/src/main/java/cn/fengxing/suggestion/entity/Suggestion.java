package cn.fengxing.suggestion.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A suggestion 意见建议 a rider raised (or staff recorded at a forum 恳谈会), with the township's answer and decision.
 * Its photo, if any, is in the blob store under {@code photoKey}. Tenant data.
 */
@Entity
@Table(name = "suggestion")
public class Suggestion extends TenantEntity {

    public static final String APP = "app";
    public static final String FORUM = "forum";

    public String channel;

    @Column(name = "rider_id")
    public Long riderId;

    /** The forum (an event) it was raised at; no foreign key yet. */
    @Column(name = "event_id")
    public Long eventId;

    public String category;

    public String body;

    @Column(name = "photo_key")
    public String photoKey;

    @Column(name = "photo_width")
    public Integer photoWidth;

    @Column(name = "photo_height")
    public Integer photoHeight;

    public String state;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "raised_by")
    public String raisedBy;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();
}
