package cn.fengxing.event.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The small bodies of event requests. */
public final class EventInputs {

    private EventInputs() {
    }

    /** Why an event is cancelled; riders read it. */
    public record CancelInput(@ReadableText @NotBlank @Size(max = 200) String reason) {
    }

    /** An organiser scanned the rider's personal code. */
    public record AttendanceInput(@NotBlank @Size(max = 2000) String riderCode) {
    }

    /** The rider scanned the event's check-in code. */
    public record RiderCheckInInput(@NotBlank @Size(max = 2000) String code) {
    }
}
