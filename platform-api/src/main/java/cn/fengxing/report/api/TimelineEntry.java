package cn.fengxing.report.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A step of the report: who did what when, the state it led to and what the rider was told. */
public record TimelineEntry(
        OffsetDateTime at,
        @Schema(description = "Display name of who acted; 系统 / system for scheduled steps") String actorName,
        @Schema(description = "The action (a ReportAction, or submit, me_too, progress, urgent, escalate_dispatch, "
                + "escalate_resolve)") String action,
        ReportState fromState,
        ReportState toState,
        String note,
        @Schema(description = "The message the rider received for this step, in the caller's language") String feedback,
        List<Long> photoIds,
        Map<String, Object> details) {
}
