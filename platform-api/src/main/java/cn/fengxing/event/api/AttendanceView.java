package cn.fengxing.event.api;

import cn.fengxing.rider.api.RiderCard;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** A check-in 签到: created false when the rider was checked in already (the first check-in is returned). */
public record AttendanceView(
        AttendedEvent event, AttendingRider rider, OffsetDateTime attendedAt,
        @Schema(enumeration = {"organiser_scan", "rider_scan"}) String method,
        boolean created,
        @Schema(description = "Points written by this check-in (0 if none or capped)") int points,
        @Schema(description = "The rule needs approval: a claim waits") boolean pointsPending) {

    public record AttendedEvent(long id, String title, EventKind kind) {
    }

    /** Who checked in: name and masked phone. */
    public record AttendingRider(long id, String name, String phone) {

        public static AttendingRider of(RiderCard card) {
            return new AttendingRider(card.id(), card.name(), card.phone());
        }
    }
}
