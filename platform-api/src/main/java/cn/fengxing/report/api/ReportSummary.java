package cn.fengxing.report.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** A report in a list (queue, my reports, nearby): enough to pick it, with the SLA clock. */
public record ReportSummary(
        long id,
        ReportView.Named category,
        String description,
        double lon,
        double lat,
        ReportView.Named community,
        boolean urgent,
        @Schema(description = "Filed outside every grid of the township (辖区外), the place confirmed by the rider") boolean outsideTownship,
        @Schema(description = "Escalated to the tenant admin: past its dispatch or resolution deadline, or urgent") boolean escalated,
        ReportState state,
        OffsetDateTime createdAt,
        OffsetDateTime dispatchDue,
        OffsetDateTime resolveDue,
        ReportView.Assignee assignee,
        ReportView.Hold hold,
        long supporters,
        @Schema(description = "Thumbnail of the first photo, if any") Long photoId,
        @Schema(description = "Metres from the asked point (nearby lists only)") Long metres) {
}
