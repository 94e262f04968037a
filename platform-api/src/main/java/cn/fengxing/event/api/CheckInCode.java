package cn.fengxing.event.api;

import java.time.OffsetDateTime;

/** The event's check-in code 签到码 the console shows as a QR; refreshed every refreshSeconds. */
public record CheckInCode(String code, OffsetDateTime validUntil, int refreshSeconds) {
}
