package cn.fengxing.region.api;

import java.time.OffsetDateTime;
import java.util.List;

/** Every township of a region side by side for a period, with the region row (total or median per figure). */
public record Comparison(RegionRef region, Period period, Period previousPeriod, Period lastYearPeriod,
                         OffsetDateTime dataAsOf, List<FigureView> figures, List<ComparisonRow> rows,
                         RegionRow regionRow) {
}
