package cn.fengxing.report.entity;

import cn.fengxing.report.api.ReportState;
import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A snap-and-report 随手拍 report: what a rider saw, where, and how far the case flow (collect → dispatch
 * → handle → report back → verify → close) has got. Its state changes only through ReportWorkflow. Tenant data.
 */
@Entity
@Table(name = "report")
public class Report extends TenantEntity {

    public static final String SOURCE_APP = "app";
    public static final String SOURCE_OPEN311 = "open311";
    public static final String SOURCE_IMPORT = "import";
    public static final String ASSIGNEE_HANDLER = "handler";
    public static final String ASSIGNEE_DEPARTMENT = "department";

    /** Open311 token, handed out before an id is known; made by the database, read back on insert. */
    @Column(insertable = false, updatable = false)
    @Generated
    public UUID token;

    @Column(name = "category_id")
    public Long categoryId;

    public String description;

    public double lon;

    public double lat;

    public String address;

    @Column(name = "community_id")
    public Long communityId;

    @Column(name = "grid_id")
    public Long gridId;

    public boolean urgent;

    /** Filed at a point outside every grid of the township, the place confirmed by its rider. */
    @Column(name = "outside_township")
    public boolean outsideTownship;

    @Enumerated(EnumType.STRING)
    public ReportState state = ReportState.submitted;

    public String source = SOURCE_APP;

    @Column(name = "reporter_subject")
    public String reporterSubject;

    @Column(name = "rider_id")
    public Long riderId;

    @Column(name = "reporter_name")
    public String reporterName;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The Open311 requester's photo link (media_url), shown back in Open311 reads. */
    @Column(name = "media_url")
    public String mediaUrl;

    /** The code of an imported historical report (manifest section reportHistory); null otherwise. */
    @Column(name = "import_code")
    public String importCode;

    /** handler (a grid worker 网格员 or other member) or department 部门. */
    @Column(name = "assignee_kind")
    public String assigneeKind;

    @Column(name = "assignee_subject")
    public String assigneeSubject;

    @Column(name = "department_id")
    public Long departmentId;

    @Column(name = "duplicate_of")
    public Long duplicateOf;

    @Column(name = "dispatch_due")
    public OffsetDateTime dispatchDue;

    @Column(name = "resolve_due")
    public OffsetDateTime resolveDue;

    @Column(name = "dispatched_at")
    public OffsetDateTime dispatchedAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** The rider's verdict on the fix; null when closed without one. */
    public Boolean verified;

    public Short rating;

    @Column(name = "rating_comment")
    public String ratingComment;

    @Column(name = "lock_subject")
    public String lockSubject;

    @Column(name = "lock_name")
    public String lockName;

    @Column(name = "lock_until")
    public OffsetDateTime lockUntil;

    // written only by ReportDeadlines' conditional UPDATE (escalation happens once, even with several
    // instances); never by a flush, which could put back a value read before the escalation committed
    @Column(name = "escalated_dispatch_at", insertable = false, updatable = false)
    public OffsetDateTime escalatedDispatchAt;

    @Column(name = "escalated_resolve_at", insertable = false, updatable = false)
    public OffsetDateTime escalatedResolveAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    /** Escalated to the tenant admin: overdue (dispatch or resolution) or urgent. */
    public boolean escalated() {
        return escalatedDispatchAt != null || escalatedResolveAt != null;
    }

    /** Whether someone other than {@code subject} holds the report now. */
    public boolean lockedByOther(String subject, OffsetDateTime now) {
        return lockSubject != null && !lockSubject.equals(subject) && lockUntil != null && lockUntil.isAfter(now);
    }
}
