package cn.fengxing.report.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A township's snap-and-report figures (docs/product.md §3.1) for the reports filed from–to (township calendar
 * days, inclusive), each report as it stands now. Rates and medians are null when there is nothing to measure.
 */
public record ReportFigures(
        LocalDate from,
        LocalDate to,
        @Schema(description = "Reports filed in the period") long reports,
        @Schema(description = "Of those, concluded (closed fixed or not fixable, rejected, duplicate)") long closed,
        @Schema(description = "closed / reports, 0..1") Double closureRate,
        @Schema(description = "Median minutes from filing to the first dispatch") Double medianDispatchMinutes,
        @Schema(description = "Median hours from filing to resolution") Double medianResolveHours,
        @Schema(description = "Share of reports dispatched or resolved after their deadline (or still open past it), 0..1")
        Double overdueShare,
        @Schema(description = "Reports the rider rated") long rated,
        @Schema(description = "Average rating 1..5") Double averageRating,
        @Schema(description = "Share of rated reports rated 4 or 5, 0..1") Double satisfiedShare) {
}
