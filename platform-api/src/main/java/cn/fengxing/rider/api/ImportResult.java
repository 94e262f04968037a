package cn.fengxing.rider.api;

/** What a roster import did: riders added, riders updated (matched by phone), rows that changed nothing. */
public record ImportResult(int created, int updated, int unchanged) {
}
