package cn.fengxing.report.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The township's SLA for reports and its per-category overrides (manifest section {@code sla}). */
public record SlaSettings(
        @NotNull @Positive @Max(MAX_MINUTES) @Schema(description = "Minutes to classify and dispatch a new report", example = "10")
        Integer dispatchMinutes,
        @NotNull @Positive @Max(MAX_HOURS) @Schema(description = "Hours to resolve a dispatched report", example = "72")
        Integer resolveHours,
        @NotNull @Positive @Max(MAX_DAYS) @Schema(description = "Days after which a resolved report the rider has not verified closes", example = "7")
        Integer autoCloseDays,
        @Size(max = 500) List<@Valid @NotNull Override> overrides) {

    static final long MAX_MINUTES = 10_080; // a week
    static final long MAX_HOURS = 8_760;    // a year
    static final long MAX_DAYS = 365;

    public List<Override> overrideList() {
        return overrides == null ? List.of() : overrides;
    }

    /** One category's SLA; an absent value keeps the township's. */
    public record Override(@NotBlank @Size(max = 64) @Schema(description = "Category code") String category,
                           @Positive @Max(MAX_MINUTES) Integer dispatchMinutes,
                           @Positive @Max(MAX_HOURS) Integer resolveHours,
                           @Positive @Max(MAX_DAYS) Integer autoCloseDays) {
    }

    /** The SLA that applies to one category, every value filled in. */
    public record Effective(int dispatchMinutes, int resolveHours, int autoCloseDays) {
    }
}
