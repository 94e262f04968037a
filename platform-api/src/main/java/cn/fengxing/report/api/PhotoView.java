package cn.fengxing.report.api;

import cn.fengxing.report.entity.ReportPhoto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored photo; the image is at /api/t/{tenant}/reports/{report}/photos/{id} (add ?size=thumb for the thumbnail). */
public record PhotoView(long id, @Schema(description = "report, resolution or verification") String purpose,
                        int width, int height) {

    public static PhotoView of(ReportPhoto p) {
        return new PhotoView(p.id, p.purpose, p.width, p.height);
    }
}
