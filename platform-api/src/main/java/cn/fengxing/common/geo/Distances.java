package cn.fengxing.common.geo;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Great-circle distances between WGS84 points (haversine) and "the nearest N" of a township's places
 * (stations, partner merchants). A township has at most a few hundred such places, so ranking them
 * in memory is cheaper than a spatial index would be to maintain.
 */
public final class Distances {

    /** Mean Earth radius (IUGG), metres. */
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Distances() {
    }

    /** A place and how far it is from the asker, in whole metres (shown to the rider). */
    public record Ranked<T>(T item, long metres) {
    }

    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The {@code limit} places nearest to (lon, lat), nearest first. */
    public static <T> List<Ranked<T>> nearest(Collection<T> places, ToDoubleFunction<T> lonOf,
                                              ToDoubleFunction<T> latOf, double lon, double lat, int limit) {
        return places.stream()
                .map(p -> new Ranked<>(p, Math.round(metres(lon, lat, lonOf.applyAsDouble(p), latOf.applyAsDouble(p)))))
                .sorted(Comparator.comparingLong(Ranked::metres))
                .limit(limit)
                .toList();
    }
}
