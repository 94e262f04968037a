package cn.fengxing.region.service;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Fixed duration buckets, so a median over any period is merged from the days' counts: bucket 0 below the first
 * edge, bucket i from edge i-1 up to edge i, the last one from the last edge up. The median is interpolated inside
 * its bucket: exact to the bucket's width (docs/adr/0005-township-figures.md).
 */
public final class DurationBuckets {

    /** Minutes to the first dispatch: one-minute steps around the 10-minute promise, then coarser. */
    public static final DurationBuckets DISPATCH_MINUTES = new DurationBuckets(
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 30, 45, 60, 90, 120, 180, 240, 480, 720, 1440, 2880);

    /** Hours to resolution. */
    public static final DurationBuckets RESOLVE_HOURS = new DurationBuckets(
            1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 60, 72, 96, 120, 168, 240, 336, 720);

    private final double[] edges;
    /** Counter keys per prefix ("reports.dispatchMinutes." → its bucket keys), made once. */
    private final Map<String, String[]> keys = new ConcurrentHashMap<>();

    private DurationBuckets(double... edges) {
        this.edges = edges;
    }

    /** The counter keys of the buckets under a prefix: prefix + index. */
    String[] keys(String prefix) {
        return keys.computeIfAbsent(prefix, p -> IntStream.rangeClosed(0, edges.length).mapToObj(i -> p + i)
                .toArray(String[]::new));
    }

    /** SQL: the bucket index of a duration expression (0 … edges). */
    public String sql(String duration) {
        return "width_bucket(" + duration + ", array[" + Arrays.stream(edges).mapToObj(e -> Long.toString((long) e))
                .collect(Collectors.joining(",")) + "]::float8[])";
    }

    /** The median: the middle value's estimate, or the mean of the two middle ones' for an even count. */
    Double median(IntToLongFunction count) {
        long total = 0;
        for (int i = 0; i <= edges.length; i++) {
            total += count.applyAsLong(i);
        }
        if (total == 0) {
            return null;
        }
        return total % 2 == 1 ? nth((total + 1) / 2, count)
                : (nth(total / 2, count) + nth(total / 2 + 1, count)) / 2;
    }

    /** The k-th smallest value (1-based), placed evenly inside its bucket. */
    private double nth(long k, IntToLongFunction count) {
        long before = 0;
        for (int i = 0; i <= edges.length; i++) {
            long n = count.applyAsLong(i);
            if (before + n >= k) {
                double low = i == 0 ? 0 : edges[i - 1];
                double high = i == edges.length ? low : edges[i];
                return low + (high - low) * (k - before - 0.5) / n;
            }
            before += n;
        }
        throw new IllegalStateException("unreachable: fewer than " + k + " values counted");
    }

    /** The width of the bucket holding the value (the last one, unbounded, counts as its lower edge). */
    public double width(double value) {
        int i = 0;
        while (i < edges.length && value >= edges[i]) {
            i++;
        }
        return i == 0 ? edges[0] : i == edges.length ? edges[i - 1] : edges[i] - edges[i - 1];
    }
}
