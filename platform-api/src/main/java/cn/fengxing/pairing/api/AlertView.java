package cn.fengxing.pairing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An alert 预警 as the community's staff read it: the elder masked, people by name. */
public record AlertView(
        long id,
        AlertElder elder,
        AlertRider rider,
        @Schema(enumeration = {"streak", "needs_help"}) String reason,
        LocalDate streakFrom,
        LocalDate streakTo,
        @Schema(description = "Anomalous days in a row (1 for a call for help)") int days,
        OffsetDateTime raisedAt,
        OffsetDateTime dueAt,
        OffsetDateTime escalatedAt,
        OffsetDateTime followedUpAt,
        @Schema(description = "Who followed up, by name") String followedUpBy,
        @Schema(enumeration = {"safe", "helped", "hospital", "family", "other"}) String outcome,
        String note,
        @Schema(enumeration = {"open", "escalated", "closed"}) String state,
        @Schema(description = "One alert only: the visits of its days (the call for help's visit), newest first")
        List<VisitView> visits) {

    /** The elder as a list shows them: masked name (王**) and community. */
    public record AlertElder(long id, String name, Community community) {
    }

    public record Community(String code, String name) {
    }

    public record AlertRider(String name) {
    }
}
