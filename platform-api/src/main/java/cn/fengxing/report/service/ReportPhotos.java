package cn.fengxing.report.service;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.report.entity.ReportPhoto;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Report photos: up to the configured number per report (and per resolution or verification step), checked and
 * re-encoded by the shared photo intake, stored under the township's {@code photos} folder.
 */
@ApplicationScoped
public class ReportPhotos {

    @Inject
    FengxingConfig config;

    @Inject
    PhotoIntake intake;

    @Inject
    TenantContext tenant;

    /** Checks and re-encodes the uploaded photos, then runs {@code work}, the transaction that stores them. */
    public <T> T withPhotos(List<FileUpload> uploads, Function<List<PhotoIntake.Processed>, T> work) {
        return intake.withPhotos(uploads, config.reports().maxPhotos(), tenant.code() + "/photos", work);
    }

    /**
     * Stores processed photos for a report (and the step they belong to); their files are removed again
     * if the transaction rolls back, so a failed request leaves no orphans.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReportPhoto> store(long reportId, Long eventId, String purpose, String uploadedBy,
                                   List<PhotoIntake.Processed> photos) {
        intake.write(photos);
        List<ReportPhoto> stored = new ArrayList<>();
        for (PhotoIntake.Processed p : photos) {
            ReportPhoto photo = new ReportPhoto();
            photo.reportId = reportId;
            photo.eventId = eventId;
            photo.purpose = purpose;
            photo.uploadedBy = uploadedBy;
            photo.storageKey = p.key();
            photo.width = p.width();
            photo.height = p.height();
            photo.bytes = p.image().length;
            photo.thumbBytes = p.thumbnail().length;
            photo.persist();
            stored.add(photo);
        }
        return stored;
    }

    /** The stored JPEG (or its thumbnail). */
    public byte[] read(ReportPhoto photo, boolean thumbnail) {
        return intake.read(photo.storageKey, thumbnail)
                .orElseThrow(() -> ProblemException.notFound("report.photo.unknown", photo.id));
    }
}
