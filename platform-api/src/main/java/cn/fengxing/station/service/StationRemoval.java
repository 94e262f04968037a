package cn.fengxing.station.service;

/**
 * Fired (synchronously, in the transaction) before a station is deleted, so that features linking
 * to stations (a partner merchant that is also an E站) can refuse with a problem.
 */
public record StationRemoval(long stationId, String code) {
}
