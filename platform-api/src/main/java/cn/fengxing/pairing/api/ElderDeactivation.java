package cn.fengxing.pairing.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an elder no longer needs look-ins (moved away, in care, passed away). */
public record ElderDeactivation(
        @NotBlank @Size(max = 200) @ReadableText @Schema(example = "已随子女搬走") String reason) {
}
