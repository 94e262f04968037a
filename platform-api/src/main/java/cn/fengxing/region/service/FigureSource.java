package cn.fengxing.region.service;

import java.util.List;

/**
 * A feature's contribution to regional comparison 区域对比: the counters it keeps per township day in the read model
 * and the figures computed from them. Each capability registers one (a CDI bean); the comparison table, rankings,
 * trends, exports and the township's standing show every registered figure.
 */
public interface FigureSource {

    /** How a counter rolls up over a period. */
    enum Kind {
        /** Summed over the period's days (reports filed, visits). */
        FLOW,
        /** Counted by the day a thing was added and still there: summed over every day up to the period's end. */
        STOCK,
        /** A value per day (a 30-day window): the period takes its last day's. */
        LEVEL
    }

    /** Display order of the source's figures among the others. */
    int order();

    /**
     * Native SQL giving the counters' facts of the current township, read under its row-level security: rows
     * (day date, key text, value bigint) for days {@code :from}–{@code :to} (dates on the township's calendar);
     * bound are {@code :tenant}, {@code :zone} (time zone name), {@code :start} and {@code :end} (the range as
     * timestamptz, end exclusive). Rows of one day and key are summed.
     */
    String facts();

    /** The kind of one of this source's counters. */
    Kind kind(String counter);

    /** Whether the counter is this source's. */
    boolean owns(String counter);

    /** The figures, in display order. */
    List<Figure> figures();
}
