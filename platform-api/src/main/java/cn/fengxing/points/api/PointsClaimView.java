package cn.fengxing.points.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * An award waiting for approval (or decided): who, for what, how many points, who proposed it and who decided (their
 * names in the township).
 */
public record PointsClaimView(long id, long riderId, String riderName, String squad, PointsAction action, int points,
                              String reason, String status,
                              @Schema(description = "Name of who proposed it") String proposedBy, OffsetDateTime at,
                              @Schema(description = "Name of the admin who decided") String decidedBy,
                              OffsetDateTime decidedAt, String decisionNote) {
}
