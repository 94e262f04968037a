package cn.fengxing.epass.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RevokeInput(@ReadableText @NotBlank @Size(max = 500) String reason) {
}
