package cn.fengxing.station.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a scan posts: the code read from the QR. */
public final class ScanInputs {

    private ScanInputs() {
    }

    /** A keeper scanned the rider's personal code. */
    public record RiderScan(@NotBlank @Size(max = 2000) String riderCode) {
    }

    /** The rider scanned the station's poster code. */
    public record StationScan(@NotBlank @Size(max = 2000) String stationCode) {
    }
}
