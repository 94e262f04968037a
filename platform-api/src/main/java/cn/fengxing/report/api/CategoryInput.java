package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report category as a tenant admin (or the manifest section {@code reportCategories}) writes it. */
public record CategoryInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String code,
        @ReadableText @NotBlank @Size(max = 50) String nameZh,
        @ReadableText @NotBlank @Size(max = 100) String nameEn,
        @Size(max = 64) @Schema(description = "Code of the group this category belongs to; none for a group") String parent,
        @Schema(description = "Escalate at once (紧急)") Boolean urgent,
        @Schema(description = "The app shows hotlineText before filing; the report is still filed, as urgent")
        Boolean emergencyStop,
        @ReadableText @Size(max = 100) @Schema(example = "请立即拨打 119") String hotlineText,
        @Schema(description = "Default true") Boolean active,
        @PositiveOrZero @Max(100_000) Integer sortOrder,
        @Pattern(regexp = GROUPS)
        @Schema(description = "The platform category group regional comparison counts it in (public-safety, "
                + "social-order, food-safety, livelihood, fire-hazard, municipal, environment, stray-animal, "
                + "uncivil-behaviour, vulnerable-people, emergency, other); none: its group's, else by its code, else other")
        String comparisonGroup) {

    public static final String CODE = "^[A-Za-z0-9_-]+$";
    static final String GROUPS = "^(public-safety|social-order|food-safety|livelihood|fire-hazard|municipal|environment"
            + "|stray-animal|uncivil-behaviour|vulnerable-people|emergency|other)$";

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent) || isEmergencyStop();
    }

    public boolean isEmergencyStop() {
        return Boolean.TRUE.equals(emergencyStop);
    }

    public boolean isActive() {
        return active == null || active;
    }

    public int order() {
        return sortOrder == null ? 0 : sortOrder;
    }
}
