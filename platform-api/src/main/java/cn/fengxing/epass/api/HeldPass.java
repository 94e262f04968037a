package cn.fengxing.epass.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The calling rider's e-pass in force for a friendly community: the one that runs longest. */
public record HeldPass(@Schema(description = "The e-pass, as in the rider's own list (rider/epasses)") UUID id,
                       OffsetDateTime validUntil) {
}
