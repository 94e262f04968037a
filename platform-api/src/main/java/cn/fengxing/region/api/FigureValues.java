package cn.fengxing.region.api;

import java.util.Map;

/** Figure values (null: nothing to measure) for the period, the one before (环比) and the same one a year earlier (同比). */
public record FigureValues(Map<String, Double> values, Map<String, Double> previous, Map<String, Double> lastYear) {
}
