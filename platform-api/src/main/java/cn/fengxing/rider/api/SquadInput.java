package cn.fengxing.rider.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A squad 小分队 as created or replaced by a tenant admin. */
public record SquadInput(@ReadableText @NotBlank @Size(max = 100) String name,
                         @Schema(description = "Community 社区 id the squad serves") Long communityId,
                         @Schema(description = "Leader: an active rider who is a member of this squad") Long leaderId) {
}
