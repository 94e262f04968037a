package cn.fengxing.platform.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A township's public face: names, time zone (its calendar: "today" on scan counters, times shown),
 * branding and map, applied across the web UI.
 */
public record TenantProfile(String code, String name, String nameEn,
                            @Schema(example = "Asia/Shanghai") String timeZone,
                            Branding branding, MapSettings map) {

    /** Display name, logo and primary colour (tenant setting {@code branding}). */
    public record Branding(@ReadableText @NotBlank @Size(max = 100) String displayName,
                           @Size(max = 500) @Pattern(regexp = "^(https?://|/).*") String logoUrl,
                           @NotNull @Pattern(regexp = "^#[0-9a-fA-F]{6}$") String primaryColor) {
    }

    /**
     * Map tiles and their coordinate system (tenant setting {@code map}). Stored coordinates are
     * always WGS84; for a GCJ-02 tile source (高德, 腾讯) the UI converts for display and back on input.
     */
    public record MapSettings(@NotBlank @Size(max = 500) @Pattern(regexp = "^https?://.*") String tileUrl,
                              @ReadableText @Size(max = 300) String attribution,
                              @NotNull CoordinateSystem coordinateSystem,
                              @NotNull @Size(min = 2, max = 2) @Schema(description = "[lon, lat] in WGS84")
                              List<@NotNull @DecimalMin("-180") @DecimalMax("180") Double> center,
                              @Min(1) @Max(20) int zoom,
                              @Min(1) @Max(22) int maxZoom) {
    }

    public enum CoordinateSystem {
        WGS84, GCJ02
    }

    /** What a tenant admin sets. */
    public record Settings(@Valid @NotNull Branding branding, @Valid @NotNull MapSettings map) {
    }
}
