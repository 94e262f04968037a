package cn.fengxing.merchant.api;

import cn.fengxing.common.text.ReadableText;
import cn.fengxing.station.api.StationInput;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner merchant as a tenant admin creates or replaces it, and as the manifest section {@code merchants} lists it. */
public record MerchantInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
        @ReadableText @NotBlank @Size(max = 100) String name,
        @NotNull MerchantCategory category,
        @ReadableText @Size(max = 200) String address,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(description = "WGS84") Double lon,
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(description = "WGS84") Double lat,
        @ReadableText @Size(max = 200) @Schema(description = "What riders get, e.g. 骑手凭码9折") String discount,
        @Schema(description = "Default none") BadgeStatus badge,
        @Size(max = 64) @Schema(description = "Code of the E-station (kind e_station) the merchant also runs") String station,
        @ReadableText @Size(max = 50) String contactName,
        @Pattern(regexp = StationInput.PHONE) String phone,
        @Size(max = 255) @Schema(description = "OIDC subject of the station_keeper member who runs it") String keeper) {
}
