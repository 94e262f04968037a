package cn.fengxing.grid.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A community as created or replaced by a tenant admin. */
public record CommunityInput(@NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
                             @ReadableText @NotBlank @Size(max = 100) String name) {
}
