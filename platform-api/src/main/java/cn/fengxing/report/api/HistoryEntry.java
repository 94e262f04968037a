package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import cn.fengxing.tenancy.service.ManifestHistory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One concluded or open historical report of manifest section {@code reportHistory}, imported once by its code.
 * Times are relative to the day the manifest is first applied, so a demo's history always lies in the recent past:
 * filed {@code daysAgo} days before that day at {@code time} (the township's clock), each step {@code minutes}
 * after filing. {@code rider} is the reporting rider's phone, as the township's roster has it.
 */
public record HistoryEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = CategoryInput.CODE) String code,
        @NotBlank @Size(max = 64) String category,
        @ReadableText @NotBlank @Size(max = 1000) String description,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @ReadableText @Size(max = 300) String address,
        @Size(max = 20) String rider,
        Boolean urgent,
        @NotNull @Min(0) @Max(3650) Integer daysAgo,
        @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
        @NotNull @Size(max = 30) List<@Valid @NotNull Step> steps) implements ManifestHistory.Entry {

    /**
     * A step of the case flow. {@code by}: the member who took it (verification is the reporter's, auto-close the
     * system's); dispatch names a {@code handler} (a member's subject) or a {@code department} code; a duplicate
     * names the code of the earlier report it repeats ({@code of}); a verification may carry a rating and comment.
     */
    public record Step(
            @NotNull ReportAction action,
            @NotNull @Min(0) Integer minutes,
            @Size(max = 255) String by,
            @Size(max = 255) String handler,
            @Size(max = 64) String department,
            @Size(max = 64) String of,
            @ReadableText @Size(max = 1000) String note,
            @Min(1) @Max(5) Integer rating,
            @ReadableText @Size(max = 1000) String comment) {
    }
}
