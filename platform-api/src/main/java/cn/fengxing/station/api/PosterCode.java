package cn.fengxing.station.api;

/** The station's own code for its poster: a JWS signed by the township, without expiry, to print as a QR code. */
public record PosterCode(long stationId, String station, String code) {
}
