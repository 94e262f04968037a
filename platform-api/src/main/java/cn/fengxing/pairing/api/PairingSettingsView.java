package cn.fengxing.pairing.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The township's alert rule: anomalous days in a row that raise an alert, and minutes to follow one up. */
public record PairingSettingsView(
        @NotNull @Min(1) @Max(14) @Schema(example = "3") Integer streakDays,
        @NotNull @Min(1) @Max(10080) @Schema(example = "120") Integer followUpMinutes) {
}
