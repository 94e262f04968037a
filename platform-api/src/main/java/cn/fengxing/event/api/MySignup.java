package cn.fengxing.event.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** The signed-in rider's part in an event: their sign-up (null status: none), check-in and points. */
public record MySignup(
        @Schema(enumeration = {"signed_up", "waitlisted", "cancelled"}, nullable = true) String status,
        @Schema(description = "1 = next to move up; waitlisted only") Integer waitlistPosition,
        OffsetDateTime attendedAt,
        Integer pointsEarned) {
}
