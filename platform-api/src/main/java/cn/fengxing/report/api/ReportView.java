package cn.fengxing.report.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A report as its rider and the township's staff see it, with its photos and timeline. */
public record ReportView(
        long id,
        UUID token,
        Named category,
        String description,
        double lon,
        double lat,
        String address,
        @Schema(description = "The community of the grid containing the point; null outside every grid") Named community,
        Named grid,
        boolean urgent,
        @Schema(description = "Filed outside every grid of the township (辖区外), the place confirmed by the rider") boolean outsideTownship,
        @Schema(description = "Escalated to the tenant admin: past its dispatch or resolution deadline, or urgent") boolean escalated,
        ReportState state,
        String source,
        @Schema(description = "The rider's (or Open311 requester's) display name") String reporterName,
        @Schema(description = "Whether the caller filed it (may verify it)") boolean mine,
        Assignee assignee,
        Long duplicateOf,
        OffsetDateTime createdAt,
        OffsetDateTime dispatchDue,
        OffsetDateTime resolveDue,
        OffsetDateTime dispatchedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime closedAt,
        @Schema(description = "The rider's verdict: true fixed, false not fixed, null none yet") Boolean verified,
        Integer rating,
        String ratingComment,
        @Schema(description = "Who holds it (领单) and until when; null when free") Hold hold,
        @Schema(description = "Riders who joined it with \"me too\"") long supporters,
        @Schema(description = "The latest message the rider received") String feedback,
        List<PhotoView> photos,
        List<TimelineEntry> timeline) {

    /** A code and a display name (category, community, grid, department). */
    public record Named(String code, String name) {
    }

    /** A grid worker or other member (subject, name) or a department. */
    public record Assignee(@Schema(description = "handler or department") String kind, String subject, String name,
                           Named department) {
    }

    public record Hold(String subject, String name, OffsetDateTime until) {
    }
}
