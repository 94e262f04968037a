package cn.fengxing.points.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An award by hand: a rider, the action (its rule gives the points; for manual, points says how many, up to the
 * rule's), and the reason the rider reads in their history. requestId makes a retried request award once.
 */
public record AwardInput(
        @NotNull @Schema(description = "The rider's id") Long riderId,
        @NotNull PointsAction action,
        @Min(1) @Max(10000) @Schema(description = "For manual awards only") Integer points,
        @ReadableText @NotBlank @Size(max = 200) String reason,
        @NotBlank @Size(max = 64) @Pattern(regexp = RedeemInput.REQUEST_ID)
        @Schema(description = "Any unique text per award (e.g. a UUID): a retry awards once")
        String requestId) {
}
