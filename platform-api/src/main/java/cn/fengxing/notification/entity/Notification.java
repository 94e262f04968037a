package cn.fengxing.notification.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/** A message 消息 in one person's in-app inbox: a kind, its parameters and the app route it opens. */
@Entity
@Table(name = "notification")
public class Notification extends TenantEntity {

    /** The recipient: a member's or a rider's OIDC subject. */
    public String subject;

    public String kind;

    /** Names and short texts the message shows (never ids). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> params;

    /** The app route the message opens, e.g. /console/pairing/alerts/12. */
    public String link;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
