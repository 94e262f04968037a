package cn.fengxing.region.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A township against its county, city and province: its figures, and per level its rank and the median. */
public record Standing(Period period, OffsetDateTime dataAsOf, List<FigureView> figures, FigureValues own,
                       List<Level> levels) {

    /** Rank 1 is the best by the figure's direction (the largest for neutral ones); null when not measured. */
    public record Level(String path, String name, int level, int townships, Map<String, Integer> ranks,
                        Map<String, Double> medians) {
    }
}
