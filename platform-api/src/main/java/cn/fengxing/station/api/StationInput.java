package cn.fengxing.station.api;

import cn.fengxing.common.text.ReadableText;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A station as a tenant admin creates or replaces it, and as the manifest section {@code stations} lists it. */
public record StationInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
        @ReadableText @NotBlank @Size(max = 100) String name,
        @NotNull StationKind kind,
        @Size(max = 1) @Schema(description = "A, B or C as the township defines them; required for kind station")
        String grade,
        @ReadableText @Size(max = 200) String address,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(description = "WGS84") Double lon,
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(description = "WGS84") Double lat,
        @Size(max = 64) @Schema(description = "Code of the community it is in") String community,
        @Size(max = 50) List<@Valid @NotNull AmenityOffer> amenities,
        @Size(max = 50) @Schema(description = "Codes of the extra services (the X of 1+7+X); basic ones apply to every station")
        List<@NotBlank String> services,
        @NotNull @Schema(description = "{\"open24h\":true} or [{\"days\":[1,2,3,4,5],\"from\":\"08:00\",\"to\":\"20:00\"}]; "
                + "days 1 = Monday … 7 = Sunday, times in the township's time zone, to before from runs past midnight")
        JsonNode hours,
        @PositiveOrZero @Max(10_000) Integer capacity,
        @Size(max = 255) @Schema(description = "OIDC subject of a station_keeper member who keeps it") String keeper,
        @Pattern(regexp = PHONE) String phone,
        @Schema(description = "Shown to riders; default true") Boolean active) {

    /** A mobile or landline number (0354-1234567). */
    public static final String PHONE = "^[0-9+][0-9 -]{4,19}$";
}
