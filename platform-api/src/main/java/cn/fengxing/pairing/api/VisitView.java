package cn.fengxing.pairing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A look-in 探访 as riders and staff read it. */
public record VisitView(
        long id,
        @Schema(description = "The township's calendar day the visit counts for") LocalDate day,
        @Schema(enumeration = {"ok", "garbage_not_out", "no_answer", "needs_help"}) String outcome,
        String note,
        OffsetDateTime visitedAt,
        @Schema(description = "The photo's URL (add ?size=thumb for the thumbnail), or none") String photo,
        @Schema(description = "Whether the visit raised an alert (a call for help, or the day that completed a streak)")
        boolean alertRaised,
        String riderName) {
}
