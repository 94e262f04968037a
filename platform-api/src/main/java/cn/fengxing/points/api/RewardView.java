package cn.fengxing.points.api;

/** A reward with the station where it is collected and how many are held for riders who have not collected yet. */
public record RewardView(long id, String code, String name, String description, int cost, int stock, int reserved,
                         long stationId, String stationName, String stationAddress, int collectDays, boolean active) {
}
