package cn.fengxing.report.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A routing rule 派单规则 as a tenant admin (or the manifest section {@code routingRules}) writes it. */
public record RoutingRuleInput(
        @NotBlank @Size(max = 64) @Schema(description = "Category code") String category,
        @Size(max = 64) @Schema(description = "Community code; none for every community") String community,
        @NotNull RuleLevel level,
        @NotNull TargetKind target,
        @Size(max = 255) @Schema(description = "Subject of the grid worker (member with role handler); target handler only")
        String handler,
        @Size(max = 64) @Schema(description = "Department code; target department only") String department) {
}
