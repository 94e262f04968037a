package cn.fengxing.points.api;

/**
 * What an award did: {@code entry} when points were added (possibly fewer than asked, a cap held: {@code capped}),
 * {@code claim} when it waits for approval.
 */
public record AwardResult(PointsEntryView entry, PointsClaimView claim, boolean capped) {
}
