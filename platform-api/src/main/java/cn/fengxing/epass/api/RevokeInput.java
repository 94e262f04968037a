package cn.fengxing.epass.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RevokeInput(@NotBlank @Size(max = 500) String reason) {
}
