package cn.fengxing.points.api;

import cn.fengxing.common.text.ReadableText;
import cn.fengxing.tenancy.service.ManifestHistory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Points a rider earned earlier 爱心存折 (manifest section {@code pointsHistory}), imported once by its code: the
 * rider with phone {@code rider} earned {@code points} for {@code action} (reason as their history shows it),
 * {@code daysAgo} days before the day the manifest is applied at {@code time}, awarded by {@code by}.
 */
public record PointsHistoryEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String code,
        @NotBlank @Size(max = 20) String rider,
        @NotNull PointsAction action,
        @NotNull @Min(1) @Max(10000) Integer points,
        @ReadableText @Size(max = 200) String reason,
        @NotNull @Min(0) @Max(3650) Integer daysAgo,
        @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
        @NotBlank @Size(max = 255) String by) implements ManifestHistory.Entry {
}
