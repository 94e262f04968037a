package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A step that needs a reason the rider is told (reject, send back, close as not fixable). */
public record ReasonInput(@ReadableText @NotBlank @Size(max = 1000) String reason) {
}
