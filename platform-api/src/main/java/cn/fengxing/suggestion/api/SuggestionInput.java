package cn.fengxing.suggestion.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A suggestion raised at a forum 恳谈会, recorded by staff: for a rider of the township, or for nobody named. */
public record SuggestionInput(
        @NotNull SuggestionCategory category,
        @NotBlank @ReadableText @Size(max = 1000) String text,
        @Positive @Schema(description = "The rider who raised it, if they are one of the township's") Long riderId,
        @Positive @Schema(description = "The forum (event) it was raised at") Long eventId,
        @NotBlank @Size(max = 64) @Pattern(regexp = REQUEST_ID)
        @Schema(description = "Any unique text per suggestion (e.g. a UUID): a retry records it once") String requestId) {

    /** A request id: letters, digits and . _ : - (a UUID fits). */
    public static final String REQUEST_ID = "^[A-Za-z0-9._:-]+$";
}
