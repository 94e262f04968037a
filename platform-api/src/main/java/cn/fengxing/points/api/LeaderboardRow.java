package cn.fengxing.points.api;

/** A place on a month's leaderboard 积分榜: a rider (with their squad) or a squad, and the points earned. */
public record LeaderboardRow(int rank, Long riderId, String name, String squad, long points) {
}
