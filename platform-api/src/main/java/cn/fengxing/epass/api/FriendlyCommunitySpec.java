package cn.fengxing.epass.api;

import cn.fengxing.common.text.ReadableText;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A friendly community as the manifest section {@code friendlyCommunities} lists it: the community by code. */
public record FriendlyCommunitySpec(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
        @ReadableText @NotBlank @Size(max = 100) String name,
        @Size(max = 64) String community,
        @ReadableText @Size(max = 200) String address,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull JsonNode map,
        @ReadableText @Size(max = 1000) String notes) {
}
