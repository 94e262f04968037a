package cn.fengxing.epass.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An e-pass; {@code state} is what a guard would see now. */
public record EpassView(UUID id, long riderId, String riderName, List<CommunityRef> communities,
                        OffsetDateTime validFrom, OffsetDateTime validUntil,
                        @Schema(description = "Stored status: active or revoked") String status,
                        @Schema(description = "valid, not_yet_valid, expired or revoked") String state,
                        String issuedBy, OffsetDateTime issuedAt, OffsetDateTime revokedAt, String revokeReason,
                        @JsonInclude(JsonInclude.Include.NON_NULL)
                        @Schema(description = "Only in the rider's own list, for a pass not revoked: the signed pass "
                                + "(JWS) to show as a QR code") String token) {

    /** A friendly community the pass opens. */
    public record CommunityRef(long id, String code, String name) {
    }
}
