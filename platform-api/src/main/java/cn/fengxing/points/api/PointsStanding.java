package cn.fengxing.points.api;

/**
 * A rider's own standing 我的爱心存折: the balance, points earned this month (township calendar), their rank this
 * month among the township's riders who earned any and within their squad (null while they earned none).
 */
public record PointsStanding(int balance, int earnedThisMonth, int earnedTotal, Integer rank, int ranked,
                             String squad, Integer squadRank, int squadRanked) {
}
