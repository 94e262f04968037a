package cn.fengxing.event.api;

import cn.fengxing.points.api.PointsAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** An event with its sign-up counts; {@code mine} only on the rider's endpoints. */
public record EventView(
        long id, EventKind kind, String title, String description, OffsetDateTime startsAt, OffsetDateTime endsAt,
        EventStation station, String address, Double lat, Double lon, Integer capacity, OffsetDateTime signUpUntil,
        @Schema(enumeration = {"scheduled", "cancelled"}) String status, String cancelReason,
        @Schema(description = "The points action attending earns, null when none") PointsAction pointsAction,
        @Schema(description = "The active rule's points now, null when none") Integer points,
        int signedUp, int waitlisted, int attended,
        @Schema(description = "Null: no limit") Integer seatsLeft,
        OffsetDateTime checkInOpensAt, OffsetDateTime checkInClosesAt,
        @Schema(description = "The signed-in rider's sign-up (rider endpoints only)") MySignup mine) {

    /** The station an event is held at. */
    public record EventStation(long id, String name) {
    }
}
