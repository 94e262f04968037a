package cn.fengxing.merchant.api;

import cn.fengxing.common.text.ReadableText;
import cn.fengxing.station.service.ScanHistory;
import cn.fengxing.tenancy.service.ManifestHistory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A rider discount a partner merchant confirmed earlier 优惠核销 (manifest section {@code discountUseHistory}), imported
 * once by its code: the merchant's keeper (or a tenant admin) {@code by} scanned the code of the rider with phone
 * {@code rider} at merchant {@code merchant}, {@code daysAgo} days before the day the manifest is applied at
 * {@code time}.
 */
public record DiscountUseHistoryEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String code,
        @NotBlank @Size(max = 32) String merchant,
        @NotBlank @Size(max = 20) String rider,
        @NotNull @Min(0) @Max(3650) Integer daysAgo,
        @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
        @NotBlank @Size(max = 255) String by,
        @ReadableText @Size(max = 200) String note) implements ScanHistory.Entry {

    @Override
    public String place() {
        return merchant;
    }
}
