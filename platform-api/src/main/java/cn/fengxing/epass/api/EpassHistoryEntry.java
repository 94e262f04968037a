package cn.fengxing.epass.api;

import cn.fengxing.tenancy.service.ManifestHistory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An e-pass 电子通行证 issued earlier (manifest section {@code epassHistory}), imported once by its code: issued to the
 * rider with phone {@code rider} by the member {@code by}, {@code daysAgo} days before the day the manifest is applied
 * at {@code time}, valid from then for {@code validDays} days into the friendly communities (codes) listed.
 */
public record EpassHistoryEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String code,
        @NotBlank @Size(max = 20) String rider,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> communities,
        @NotNull @Min(0) @Max(3650) Integer daysAgo,
        @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
        @NotNull @Min(1) @Max(365) Integer validDays,
        @NotBlank @Size(max = 255) String by) implements ManifestHistory.Entry {
}
