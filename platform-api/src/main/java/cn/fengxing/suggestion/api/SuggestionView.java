package cn.fengxing.suggestion.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A suggestion as people read it: who raised it and who answered and decided by name (never an id of a person's
 * sign-in), the answer and the decision's note. The photo is at /api/t/{tenant}/suggestions/{id}/photo.
 */
public record SuggestionView(
        long id,
        @Schema(description = "app: raised by the rider in the app; forum: recorded by staff at a forum 恳谈会")
        String channel,
        SuggestionCategory category,
        String text,
        SuggestionState state,
        @Schema(description = "The rider who raised it (staff see it; null for a forum's without a rider)") Long riderId,
        @Schema(description = "Name of the rider who raised it") String riderName,
        @Schema(description = "The forum (event) it was raised at") Long eventId,
        @Schema(description = "Title of the forum it was raised at") String eventTitle,
        @Schema(description = "Name of the staff member who recorded it at a forum") String recordedBy,
        boolean hasPhoto,
        OffsetDateTime createdAt,
        String answer,
        @Schema(description = "Name of who answered") String answeredBy,
        OffsetDateTime answeredAt,
        String decisionNote,
        @Schema(description = "Name of who decided") String decidedBy,
        OffsetDateTime decidedAt) {
}
