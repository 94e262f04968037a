package cn.fengxing.station.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A township's station settings: its grade definitions, amenity list and "1+7+X" service catalogue. */
public record StationSettingsView(List<Grade> grades, List<Amenity> amenities, List<Service> services) {

    public static final String CODE = "^[a-z][a-z0-9_]{0,31}$";

    /** A grade 等级 as the township defines it (山阳: A in shopping streets with water, fridge, microwave …). */
    public record Grade(@NotBlank @Pattern(regexp = "A|B|C") String code,
                        @ReadableText @NotBlank @Size(max = 500) String zh,
                        @ReadableText @Size(max = 500) String en) {
    }

    /** An amenity stations may offer; a priced one (meals 餐食) carries a price per station. */
    public record Amenity(@NotBlank @Pattern(regexp = CODE) String code,
                          @ReadableText @NotBlank @Size(max = 50) String zh,
                          @ReadableText @NotBlank @Size(max = 100) String en,
                          @Schema(description = "Stations state a price for it (meals)") boolean priced) {
    }

    /** A service of the catalogue: basic (one of the 7 every station offers) or extra (the X of 1+7+X). */
    public record Service(@NotBlank @Pattern(regexp = CODE) String code,
                          @ReadableText @NotBlank @Size(max = 50) String zh,
                          @ReadableText @NotBlank @Size(max = 100) String en,
                          @Schema(description = "Offered by every station") boolean basic) {
    }
}
