package cn.fengxing.event.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** An event as a tenant admin creates or replaces it: where (a station or an address), when, how many seats. */
public record EventInput(
        @NotNull EventKind kind,
        @ReadableText @NotBlank @Size(max = 100) String title,
        @ReadableText @Size(max = 2000) String description,
        @NotNull OffsetDateTime startsAt,
        @NotNull @Schema(description = "After startsAt, at most 7 days later") OffsetDateTime endsAt,
        @Schema(description = "One of the township's stations; or give an address") Long stationId,
        @ReadableText @Size(max = 200) String address,
        @DecimalMin("-90") @DecimalMax("90") @Schema(description = "WGS84") Double lat,
        @DecimalMin("-180") @DecimalMax("180") @Schema(description = "WGS84") Double lon,
        @Min(1) @Max(10000) @Schema(description = "Seats; none: no limit") Integer capacity,
        @Schema(description = "Sign-up closes then (default startsAt); not after endsAt") OffsetDateTime signUpUntil) {
}
