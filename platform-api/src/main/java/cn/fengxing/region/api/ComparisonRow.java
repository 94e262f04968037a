package cn.fengxing.region.api;

import java.util.Map;

/** One township's row of the comparison table. */
public record ComparisonRow(String code, String name, String nameEn, String regionPath, Map<String, Double> values,
                            Map<String, Double> previous, Map<String, Double> lastYear) {
}
