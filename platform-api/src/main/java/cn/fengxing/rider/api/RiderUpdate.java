package cn.fengxing.rider.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant admin's edit of a rider. Phone and ID number are not edited here (personal data, set by the rider or the import). */
public record RiderUpdate(@ReadableText @NotBlank @Size(max = 50) String name,
                          @NotNull Platform platform,
                          @ReadableText @Size(max = 100) String depot,
                          @Schema(description = "Squad 小分队 id; null for none") Long squadId,
                          @Schema(description = "Party member 党员; only when the township switched the field on") Boolean partyMember,
                          @Schema(description = "Volunteer team 志愿者; only when the township switched the field on") Boolean volunteer) {
}
