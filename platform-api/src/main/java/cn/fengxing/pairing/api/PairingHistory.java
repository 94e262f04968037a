package cn.fengxing.pairing.api;

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
 * Manifest section {@code pairingHistory}: a township's care pairing so far — elders (each imported once by its key,
 * source history:key), the riders paired with them (by phone) from a number of days back, their daily look-ins and
 * the alerts they raised, with the follow-up. Days count back from the day the manifest is applied.
 */
public record PairingHistory(
        @NotNull @Size(max = 1000) List<@Valid @NotNull Elder> elders,
        @NotNull @Size(max = 1000) List<@Valid @NotNull Pair> pairings,
        @NotNull @Size(max = 200_000) List<@Valid @NotNull Visit> visits,
        @NotNull @Size(max = 1000) List<@Valid @NotNull Alert> alerts) {

    static final String KEY = "^[a-z0-9][a-z0-9-]{0,63}$";

    /** An elder of the history; phones as ElderInput's. */
    public record Elder(
            @NotBlank @Pattern(regexp = KEY) String key,
            @NotBlank @Size(max = 32) String community,
            @NotBlank @Size(max = 20) @ReadableText String familyName,
            @NotBlank @Size(max = 20) @ReadableText String givenName,
            @NotBlank @Size(max = 200) @ReadableText String address,
            @DecimalMin("-180") @DecimalMax("180") Double lon,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Size(max = 20) @Pattern(regexp = ElderInput.PHONE) String phone,
            @Size(max = 40) @ReadableText String familyContactName,
            @Size(max = 20) @Pattern(regexp = ElderInput.PHONE) String familyContactPhone,
            @Size(max = 200) @ReadableText String landmark,
            @Size(max = 500) @ReadableText String notes) {
    }

    /** The rider (phone) paired with the elder from startDaysAgo days back on, still paired. */
    public record Pair(
            @NotBlank @Pattern(regexp = KEY) String elder,
            @NotBlank @Size(max = 20) String riderPhone,
            @NotNull @Min(0) @Max(3650) Integer startDaysAgo) {
    }

    /** A look-in daysAgo days back at time (township clock), by the elder's rider. */
    public record Visit(
            @NotBlank @Pattern(regexp = KEY) String elder,
            @NotNull @Min(0) @Max(3650) Integer daysAgo,
            @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
            @NotNull @Pattern(regexp = "^(ok|garbage_not_out|no_answer|needs_help)$") String outcome,
            @Size(max = 500) @ReadableText String note) {
    }

    /**
     * An alert about the elder: a streak of anomalous days (streakFromDaysAgo..streakToDaysAgo), raised on
     * raisedDaysAgo at time and followed up followUpMinutes later by the member {@code by} with outcome and note.
     */
    public record Alert(
            @NotBlank @Pattern(regexp = KEY) String elder,
            @NotNull @Pattern(regexp = "^streak$") String reason,
            @NotNull @Min(0) @Max(3650) Integer streakFromDaysAgo,
            @NotNull @Min(0) @Max(3650) Integer streakToDaysAgo,
            @NotNull @Min(0) @Max(3650) Integer raisedDaysAgo,
            @NotNull @Pattern(regexp = ManifestHistory.TIME) String time,
            @NotNull @Min(1) @Max(10080) Integer followUpMinutes,
            @NotNull @Pattern(regexp = "^(safe|helped|hospital|family|other)$") String outcome,
            @NotBlank @Size(max = 500) @ReadableText String note,
            @NotBlank @Size(max = 255) String by) {
    }
}
