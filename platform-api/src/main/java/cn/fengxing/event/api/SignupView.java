package cn.fengxing.event.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** A rider's sign-up as organisers see it (phone masked), with the check-in if any. */
public record SignupView(
        long riderId, String name, String phone, String squad,
        @Schema(enumeration = {"signed_up", "waitlisted", "cancelled"}, nullable = true) String status,
        Integer waitlistPosition, OffsetDateTime signedUpAt, OffsetDateTime attendedAt,
        @Schema(enumeration = {"organiser_scan", "rider_scan"}, nullable = true) String method) {
}
