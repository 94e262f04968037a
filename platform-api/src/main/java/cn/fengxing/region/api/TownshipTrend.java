package cn.fengxing.region.api;

import java.time.OffsetDateTime;
import java.util.List;

/** One figure of the township by month. */
public record TownshipTrend(FigureView figure, List<String> months, List<Double> values, OffsetDateTime dataAsOf) {
}
