package cn.fengxing.points.api;

import cn.fengxing.rider.api.RiderCard;

import java.time.OffsetDateTime;

/**
 * A redemption: the reward, where and until when to collect it, its code (shown to its rider, to the keeper who
 * scans it and to admins), and its status reserved, handed_over, cancelled or expired.
 */
public record RedemptionView(long id, long rewardId, String rewardName, int cost, String code, String status,
                             OffsetDateTime at, OffsetDateTime expiresAt, OffsetDateTime closedAt, String stationName,
                             String stationAddress, RiderCard rider) {
}
