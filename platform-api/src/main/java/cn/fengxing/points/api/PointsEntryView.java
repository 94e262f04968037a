package cn.fengxing.points.api;

import java.time.OffsetDateTime;

/**
 * A line of a rider's points history; kind award, correction, spend or refund; byName: who gave it (none for what
 * the platform did itself, e.g. an accepted report).
 */
public record PointsEntryView(long id, long riderId, String riderName, String kind, PointsAction action, int points,
                              String reason, OffsetDateTime at, int balanceAfter, String byName) {
}
