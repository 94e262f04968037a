package cn.fengxing.report.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A township's reports filed from–to (township calendar days, inclusive) broken down by category, community or grid
 * (docs/product.md §3.1), each report as it stands now; the rows with the most reports first.
 */
public record ReportBreakdown(
        LocalDate from,
        LocalDate to,
        @Schema(type = SchemaType.STRING, enumeration = {"category", "community", "grid"}) String by,
        List<Row> rows) {

    /** One category, community or grid. */
    public record Row(
            @Schema(description = "The category (in the request's language), community or grid; null for reports "
                    + "placed in no community or grid") String name,
            long reports,
            @Schema(description = "Of those, concluded (closed fixed or not fixable, rejected, duplicate)") long closed,
            @Schema(description = "closed / reports, 0..1") Double closureRate,
            @Schema(description = "Reports dispatched or resolved after their deadline (or still open past it)")
            long overdue,
            @Schema(description = "overdue / reports, 0..1") Double overdueShare) {
    }
}
