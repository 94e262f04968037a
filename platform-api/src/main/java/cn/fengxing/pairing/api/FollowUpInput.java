package cn.fengxing.pairing.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the community followed up an alert: what they found, and a note (required for other). */
public record FollowUpInput(
        @NotBlank @Pattern(regexp = "^(safe|helped|hospital|family|other)$")
        @Schema(enumeration = {"safe", "helped", "hospital", "family", "other"}) String outcome,
        @ReadableText @Size(max = 500) String note) {
}
