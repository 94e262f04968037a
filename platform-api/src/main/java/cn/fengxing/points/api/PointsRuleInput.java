package cn.fengxing.points.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A township's rule for one action, as an admin sets it and the manifest section {@code points.rules} lists it. */
public record PointsRuleInput(
        @NotNull PointsAction action,
        @NotNull @Min(0) @Max(10000) @Schema(description = "Points one award earns; for manual, the most one award may give")
        Integer points,
        @Min(1) @Max(1000000) @Schema(description = "Most points a rider earns by this action in a day; none: no cap")
        Integer dailyCap,
        @Min(1) @Max(1000000) @Schema(description = "Most points a rider earns by this action in a calendar month")
        Integer monthlyCap,
        @Schema(description = "Awards wait for an admin's approval (default false)") Boolean needsApproval,
        @Schema(description = "Default true; an inactive rule awards nothing") Boolean active) {
}
