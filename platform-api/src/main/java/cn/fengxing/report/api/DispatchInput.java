package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the dispatcher sends a report: a member with the handler role, or a department. */
public record DispatchInput(
        @NotNull @Schema(description = "handler or department") String kind,
        @Size(max = 200) @Schema(description = "The handler's subject (kind handler)") String subject,
        @Size(max = 64) @Schema(description = "The department's code (kind department)") String department,
        @ReadableText @Size(max = 1000) String note,
        @Schema(description = "Also mark it urgent") boolean urgent) {
}
