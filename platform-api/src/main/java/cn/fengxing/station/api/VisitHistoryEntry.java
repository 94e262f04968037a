package cn.fengxing.station.api;

import cn.fengxing.station.service.ScanHistory;
import cn.fengxing.tenancy.service.ManifestHistory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A rider's earlier visit to a station 驿站到访 (manifest section {@code stationVisitHistory}), imported once by its
 * code: the keeper (or a tenant admin) {@code by} scanned the rider's code (phone {@code rider}) at station
 * {@code station}, {@code daysAgo} days before the day the manifest is applied at {@code time}.
 */
public record VisitHistoryEntry(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String code,
        @NotBlank @Size(max = 32) String station,
        @NotBlank @Size(max = 20) String rider,
        @NotNull @Min(0) @Max(3650) Integer daysAgo,
        @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
        @NotBlank @Size(max = 255) String by) implements ScanHistory.Entry {

    @Override
    public String place() {
        return station;
    }
}
