package cn.fengxing.dispatch.api;

import cn.fengxing.report.api.ReportState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data of a live stream event {@code report}: which report changed, by which step, and its state now. */
@Schema(description = "Data of the live stream's event \"report\": a report changed; reload it or the queue")
public record ReportChange(
        long id,
        @Schema(description = "The timeline step: submit, dispatch, me_too, urgent, escalate_dispatch, auto_close, …") String action,
        ReportState state) {
}
