package cn.fengxing.region.service;

import java.util.function.Function;

/**
 * One figure of regional comparison: how it is computed from a township's counters for a period, its unit, which
 * way is better and how the region row rolls it up. Its label and definition are messages {@code figure.<key>} and
 * {@code figure.<key>.definition}.
 */
public record Figure(String key, Section section, Unit unit, Direction direction, Rollup rollup,
                     Function<Counters, Double> value) {

    /** The comparison table's column groups. */
    public enum Section { riders, reports, categories, stations, passes, merchants, points, events, suggestions, care, pairing }

    /** share: 0–1; minutes and hours: a median duration; per100: per 100 active riders; rating: mean 1–5. */
    public enum Unit { count, share, minutes, hours, per100, rating }

    /** higher: higher is better; lower: lower is better; neutral: neither (a mix, e.g. reports by category). */
    public enum Direction { higher, lower, neutral }

    /** The region row: the townships' total, or the median of their values. */
    public enum Rollup { sum, median }

    /** A count of one counter, totalled over the region. */
    public static Figure count(String key, Section section, Direction direction, String counter) {
        return new Figure(key, section, Unit.count, direction, Rollup.sum, c -> (double) c.get(counter));
    }
}
