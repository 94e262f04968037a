package cn.fengxing.points.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of a rider's points by an admin: a new ledger entry of either sign, never an edit. */
public record CorrectionInput(
        @NotNull Long riderId,
        @NotNull @Min(-100000) @Max(100000) @Schema(description = "Points added (positive) or taken back (negative)")
        Integer points,
        @ReadableText @NotBlank @Size(max = 200) String reason,
        @NotBlank @Size(max = 64) @Pattern(regexp = RedeemInput.REQUEST_ID)
        @Schema(description = "Any unique text per correction: a retry corrects once")
        String requestId) {
}
