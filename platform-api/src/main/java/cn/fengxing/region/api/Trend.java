package cn.fengxing.region.api;

import java.time.OffsetDateTime;
import java.util.List;

/** One figure by month for each township of a region, and the region's total or median. */
public record Trend(FigureView figure, List<String> months, OffsetDateTime dataAsOf, List<TrendRow> rows,
                    List<Double> region) {

    public record TrendRow(String code, String name, String nameEn, List<Double> values) {
    }
}
