package cn.fengxing.points.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rider's redemption request; the app sends the same requestId when it retries. */
public record RedeemInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = RedeemInput.REQUEST_ID)
        @Schema(description = "Any unique text per redemption (e.g. a UUID)") String requestId) {

    /** A request id: letters, digits and . _ : - (a UUID fits). */
    public static final String REQUEST_ID = "^[A-Za-z0-9._:-]+$";
}
