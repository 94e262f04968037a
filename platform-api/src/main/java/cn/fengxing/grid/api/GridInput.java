package cn.fengxing.grid.api;

import cn.fengxing.common.text.ReadableText;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A grid or micro-grid as created or replaced by a tenant admin. */
public record GridInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
        @ReadableText @NotBlank @Size(max = 100) String name,
        @NotNull @Schema(description = "Id of the community the grid belongs to") Long communityId,
        @Schema(description = "Id of the parent grid; set for a micro-grid 微网格") Long parentId,
        @NotNull GridType type,
        @PositiveOrZero @Max(1_000_000) Integer households,
        @Size(max = 500) String workGroupLink,
        @NotNull @Schema(description = "GeoJSON Polygon or MultiPolygon, WGS84") JsonNode boundary) {
}
