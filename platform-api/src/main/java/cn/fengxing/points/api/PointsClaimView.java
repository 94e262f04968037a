package cn.fengxing.points.api;

import java.time.OffsetDateTime;

/** An award waiting for approval (or decided): who, for what, how many points, who proposed it. */
public record PointsClaimView(long id, long riderId, String riderName, String squad, PointsAction action, int points,
                              String reason, String status, String proposedBy, OffsetDateTime at, String decidedBy,
                              OffsetDateTime decidedAt, String decisionNote) {
}
