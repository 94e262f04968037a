package cn.fengxing.region.service;

import java.util.Map;

/** A township's counters for one period, as the read model keeps them. */
public record Counters(Map<String, Long> values) {

    public static final Counters NONE = new Counters(Map.of());

    public long get(String key) {
        return values.getOrDefault(key, 0L);
    }

    /** part / whole, or null when there is no whole (no reports, no ratings). */
    public Double share(String part, String whole) {
        long w = get(whole);
        return w == 0 ? null : (double) get(part) / w;
    }

    /** The median of a duration counted in these buckets ({@code prefix + index}), or null when none counted. */
    public Double median(String prefix, DurationBuckets buckets) {
        String[] keys = buckets.keys(prefix);
        return buckets.median(i -> get(keys[i]));
    }
}
