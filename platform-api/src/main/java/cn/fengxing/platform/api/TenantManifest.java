package cn.fengxing.platform.api;

import cn.fengxing.common.text.ReadableText;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Everything a district needs to switch on, applied as one unit: applying the same manifest again
 * changes nothing, a changed manifest updates the tenant. Members and the rows of feature sections
 * ({@link cn.fengxing.tenancy.service.ManifestSection}) are added or updated, never removed by a
 * manifest (the district manages them afterwards).
 */
@Schema(description = "Tenant manifest: a township's registration and first members, plus feature sections "
        + "(communities: [{code,name}], grids: GeoJSON FeatureCollection, and those of later features) at the top level",
        additionalProperties = Schema.True.class)
public record TenantManifest(
        @NotBlank @Pattern(regexp = CODE) @Schema(example = "ningxiang") String code,
        @ReadableText @NotBlank @Size(max = 100) @Schema(example = "宁乡镇") String name,
        @ReadableText @Size(max = 200) @Schema(example = "Ningxiang Town") String nameEn,
        @NotNull @Size(min = 1, max = 3) @Schema(description = "Province › city › county", example = "[\"山西省\",\"吕梁市\",\"中阳县\"]")
        List<@NotBlank @Size(max = 50) String> region,
        @Size(max = 64) @Schema(example = "Asia/Shanghai") String timeZone,
        Map<String, Object> settings,
        List<@Valid @NotNull Member> members,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> sections) {

    public static final String CODE = "^[a-z][a-z0-9-]{1,31}$";

    public TenantManifest {
        sections = sections == null ? Map.of() : sections;
    }

    /**
     * A first member of the township, typically its administrator, named by exactly one of: OIDC subject, username,
     * phone or e-mail (the last three resolved through the identity provider's directory, their account created when
     * missing; without a directory an e-mail or phone becomes an invitation bound at first sign-in).
     */
    public record Member(@Size(max = 255) String subject,
                         @ReadableText @Size(max = 255) String username,
                         @Size(max = 32) String phone,
                         @ReadableText @Size(max = 254) String email,
                         @ReadableText @Size(max = 100) String name,
                         @NotEmpty List<@NotBlank String> roles) {
    }

}
