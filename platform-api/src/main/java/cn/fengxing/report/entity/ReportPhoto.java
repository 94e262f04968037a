package cn.fengxing.report.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report's photo, re-encoded without metadata; the file and its thumbnail are in the blob store under
 * {@code storageKey} (".jpg" and "-thumb.jpg"). Tenant data.
 */
@Entity
@Table(name = "report_photo")
public class ReportPhoto extends TenantEntity {

    public static final String REPORT = "report";
    public static final String RESOLUTION = "resolution";
    public static final String VERIFICATION = "verification";

    @Column(name = "report_id")
    public Long reportId;

    /** The step (resolution, verification) the photo belongs to; null for the report's own photos. */
    @Column(name = "event_id")
    public Long eventId;

    public String purpose;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "storage_key")
    public String storageKey;

    public int width;

    public int height;

    public int bytes;

    @Column(name = "thumb_bytes")
    public int thumbBytes;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    public static List<ReportPhoto> of(long reportId) {
        return list("reportId = ?1 order by id", reportId);
    }
}
