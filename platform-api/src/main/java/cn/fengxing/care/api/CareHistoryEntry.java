package cn.fengxing.care.api;

import cn.fengxing.common.text.ReadableText;
import cn.fengxing.tenancy.service.ManifestHistory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A care service given earlier (manifest section {@code careHistory}), imported once by its code: given to the rider
 * with phone {@code rider} {@code daysAgo} days before the day the manifest is applied (recorded at {@code time} by
 * {@code by}); insurance is covered for {@code coverDays} days from that day.
 */
public record CareHistoryEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String code,
        @NotBlank @Size(max = 20) String rider,
        @NotNull CareKind kind,
        @ReadableText @NotBlank @Size(max = 100) String title,
        @ReadableText @Size(max = 500) String detail,
        @PositiveOrZero @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal amount,
        @Min(1) @Max(3660) Integer coverDays,
        @Size(max = 64) @Pattern(regexp = CareRecordInput.REFERENCE) String reference,
        @NotNull @Min(0) @Max(3650) Integer daysAgo,
        @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
        @NotBlank @Size(max = 255) String by) implements ManifestHistory.Entry {
}
