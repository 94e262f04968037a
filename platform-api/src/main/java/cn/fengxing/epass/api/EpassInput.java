package cn.fengxing.epass.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** An e-pass to issue: for an active rider, one or more friendly communities, at most a year. */
public record EpassInput(@NotNull Long riderId,
                         @NotEmpty @Size(max = 100) @Schema(description = "Friendly community ids")
                         List<@NotNull Long> friendlyCommunityIds,
                         @NotNull OffsetDateTime validFrom,
                         @NotNull @Schema(description = "After validFrom, at most one year later") OffsetDateTime validUntil) {
}
