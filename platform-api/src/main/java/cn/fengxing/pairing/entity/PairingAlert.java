package cn.fengxing.pairing.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An alert 预警 about an elder: anomalous days in a row (streakFrom..streakTo, a missed look-in counts) or one call
 * for help (visitId). Escalated once when nobody followed up by dueAt; closed by the follow-up and its outcome.
 */
@Entity
@Table(name = "pairing_alert")
public class PairingAlert extends TenantEntity {

    @Column(name = "elder_id")
    public long elderId;

    @Column(name = "pairing_id")
    public long pairingId;

    /** streak or needs_help. */
    public String reason;

    @Column(name = "streak_from")
    public LocalDate streakFrom;

    @Column(name = "streak_to")
    public LocalDate streakTo;

    @Column(name = "visit_id")
    public Long visitId;

    @Column(name = "raised_at")
    public OffsetDateTime raisedAt = OffsetDateTime.now();

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;

    @Column(name = "followed_up_at")
    public OffsetDateTime followedUpAt;

    @Column(name = "followed_up_by")
    public String followedUpBy;

    /** safe, helped, hospital, family, other. */
    public String outcome;

    @Column(name = "follow_up_note")
    public String followUpNote;

    public String source;
}
