package cn.fengxing.station.api;

/** A station near the rider: how far it is (metres, great circle) and whether it is open now in the township's time. */
public record NearbyStation(StationView station, long distanceMetres, boolean openNow) {
}
