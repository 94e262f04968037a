package cn.fengxing.suggestion.api;

import cn.fengxing.common.text.ReadableText;
import cn.fengxing.tenancy.service.ManifestHistory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A suggestion raised earlier 意见建议 (manifest section {@code suggestionsHistory}), imported once by its code: raised
 * in the app by the rider with phone {@code rider} (or at a forum, {@code channel} forum, the rider optional)
 * {@code daysAgo} days before the day the manifest is applied at {@code time}; answered {@code answerHours} later by
 * the member {@code by}, and then adopted or not ({@code decision}, with its note) {@code decisionHours} after that.
 */
public record SuggestionHistoryEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String code,
        @Pattern(regexp = "^(app|forum)$") String channel,
        @Size(max = 20) String rider,
        @NotNull SuggestionCategory category,
        @NotBlank @ReadableText @Size(max = 1000) String text,
        @NotNull @Min(0) @Max(3650) Integer daysAgo,
        @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
        @ReadableText @Size(max = 1000) String answer,
        @Min(0) @Max(8760) Integer answerHours,
        @Size(max = 255) String by,
        @Pattern(regexp = "^(adopted|not_adopted)$") String decision,
        @ReadableText @Size(max = 500) String note,
        @Min(0) @Max(8760) Integer decisionHours) implements ManifestHistory.Entry {
}
