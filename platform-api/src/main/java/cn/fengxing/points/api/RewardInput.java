package cn.fengxing.points.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reward as an admin creates or replaces it and the manifest section {@code points.rewards} lists it. */
public record RewardInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
        @ReadableText @NotBlank @Size(max = 100) String name,
        @ReadableText @Size(max = 300) String description,
        @NotNull @Min(1) @Max(100000) Integer cost,
        @NotNull @Min(0) @Max(100000) @Schema(description = "Items left to redeem") Integer stock,
        @NotBlank @Size(max = 64) @Schema(description = "Code of the station where riders collect it") String station,
        @Min(1) @Max(90) @Schema(description = "Days a rider has to collect it (default 14)") Integer collectDays,
        @Schema(description = "Default true; an inactive reward cannot be redeemed") Boolean active) {
}
