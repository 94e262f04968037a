package cn.fengxing.open311.api;

import cn.fengxing.open311.entity.Open311Key;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/** An Open311 API key as the console lists it: never the key itself, only its first characters. */
public record Open311KeyView(
        long id,
        String name,
        @Schema(description = "The key's first characters", example = "o311_Xk2f9") String prefix,
        OffsetDateTime createdAt,
        @Schema(description = "The admin who issued it (name, else subject)") String createdBy,
        OffsetDateTime lastUsedAt,
        @Schema(description = "Null while the key is valid") OffsetDateTime revokedAt,
        String revokedBy) {

    public static Open311KeyView of(Open311Key k, Map<String, String> names) {
        return new Open311KeyView(k.id, k.name, k.prefix, k.createdAt, names.getOrDefault(k.createdBy, k.createdBy),
                k.lastUsedAt, k.revokedAt, k.revokedBy == null ? null : names.getOrDefault(k.revokedBy, k.revokedBy));
    }
}
