package cn.fengxing.staff.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A township admin's invitation of staff: one of username, phone or e-mail, their name, their roles. */
@Schema(description = "Who to invite (exactly one of username, phone, email), their name, and their staff roles")
public record StaffInvite(
        @ReadableText @Size(max = 255) @Schema(example = "zhang.jianguo") String username,
        @Size(max = 32) @Schema(description = "Mainland mobile number", example = "13800138000") String phone,
        @ReadableText @Size(max = 254) @Schema(example = "zhang@example.cn") String email,
        @ReadableText @NotBlank @Size(max = 100) @Schema(description = "Full name, family name first", example = "张建国") String name,
        @NotEmpty @Size(max = 4) @Schema(description = "dispatcher, handler, station_keeper, tenant_admin")
        List<@NotBlank @Size(max = 32) String> roles) {
}
