package cn.fengxing.pairing.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * A look-in 探访 as the rider records it: the sign, an optional note, when (the phone's time; at most 2 minutes
 * ahead, at most 72 hours back) and the app's id of the visit, so a retry or a queued resend lands once.
 */
public record VisitInput(
        @NotBlank @Pattern(regexp = OUTCOMES)
        @Schema(enumeration = {"ok", "garbage_not_out", "no_answer", "needs_help"}) String outcome,
        @ReadableText @Size(max = 500) String note,
        @NotNull @Schema(description = "When the rider looked in (ISO instant)") OffsetDateTime visitedAt,
        @NotBlank @Size(min = 8, max = 64) @Pattern(regexp = REQUEST_ID)
        @Schema(description = "The app's id of this visit (e.g. a UUID): a retry records it once") String requestId) {

    public static final String OUTCOMES = "^(ok|garbage_not_out|no_answer|needs_help)$";
    public static final String REQUEST_ID = "^[A-Za-z0-9._:-]+$";
}
