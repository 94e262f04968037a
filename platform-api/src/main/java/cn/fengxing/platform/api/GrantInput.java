package cn.fengxing.platform.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A regional grant: region_viewer over a region path, or platform_operator (empty path). The grantee is named by
 * exactly one of their OIDC subject, username, phone or e-mail; a person named by username, phone or e-mail gets an
 * account in the identity provider's directory when they have none.
 */
@Schema(description = "Who (exactly one of subject, username, phone, email), their name, the role and the region path")
public record GrantInput(
        @ReadableText @Size(max = 255) @Schema(description = "OIDC subject (sub claim)") String subject,
        @ReadableText @Size(max = 255) @Schema(example = "li.shanxi") String username,
        @Size(max = 32) @Schema(description = "Mainland mobile number", example = "13800138000") String phone,
        @ReadableText @Size(max = 254) @Schema(example = "li@example.cn") String email,
        @ReadableText @Size(max = 100) @Schema(description = "Full name, family name first", example = "李晋华") String name,
        @NotNull @Size(max = 200) @Schema(example = "山西省") String regionPath,
        @NotBlank @Size(max = 32) @Schema(description = "region_viewer or platform_operator") String role) {
}
