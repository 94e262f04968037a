package cn.fengxing.platform.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A regional grant: region_viewer over a region path, or platform_operator (empty path). */
public record GrantInput(@NotBlank @Size(max = 255) String subject,
                         @NotNull @Size(max = 200) String regionPath,
                         @NotBlank String role) {
}
