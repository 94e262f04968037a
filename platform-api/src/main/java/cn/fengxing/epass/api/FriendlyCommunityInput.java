package cn.fengxing.epass.api;

import cn.fengxing.common.text.ReadableText;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rider-friendly community 骑手友好小区 as created or replaced by a tenant admin. */
public record FriendlyCommunityInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
        @ReadableText @NotBlank @Size(max = 100) String name,
        @Schema(description = "Id of the community 社区 it lies in") Long communityId,
        @ReadableText @Size(max = 200) String address,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(description = "WGS84 longitude of the main entrance") Double lon,
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(description = "WGS84 latitude of the main entrance") Double lat,
        @NotNull @Schema(description = "GeoJSON FeatureCollection, WGS84: features with properties.kind (entrance, "
                + "building, unit, parking, facility, landmark) and properties.label (\"东门\", \"3号楼\", "
                + "\"3号楼 2单元\", \"骑手专用停车区\"). Entrances and unit doors are Points; buildings and "
                + "facilities Points or Polygons (outlines); rider parking and landmarks Points, LineStrings or "
                + "Polygons") JsonNode map,
        @ReadableText @Size(max = 1000) String notes) {
}
