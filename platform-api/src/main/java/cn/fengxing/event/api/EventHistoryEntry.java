package cn.fengxing.event.api;

import cn.fengxing.common.text.ReadableText;
import cn.fengxing.tenancy.service.ManifestHistory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A past event of the township (manifest section {@code eventsHistory}), imported once by its code: {@code kind},
 * held {@code daysAgo} days before the day the manifest is applied from {@code time} for {@code minutes}, at a
 * station (its code) or an address, organised by {@code by}, with the riders who attended (by phone), checked in as
 * it started. No points are written: the past points are in the points history.
 */
public record EventHistoryEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String code,
        @NotNull EventKind kind,
        @ReadableText @NotBlank @Size(max = 100) String title,
        @ReadableText @Size(max = 2000) String description,
        @NotNull @Min(0) @Max(3650) Integer daysAgo,
        @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
        @NotNull @Min(15) @Max(10080) Integer minutes,
        @Size(max = 64) String station,
        @ReadableText @Size(max = 200) String address,
        @Size(max = 10000) List<@NotBlank @Size(max = 20) String> attendees,
        @NotBlank @Size(max = 255) String by) implements ManifestHistory.Entry {
}
