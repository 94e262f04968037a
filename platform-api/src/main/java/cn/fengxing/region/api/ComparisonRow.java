package cn.fengxing.region.api;

import java.util.List;

/**
 * One township's row of the comparison table: its values (null: nothing to measure) in the order of the
 * comparison's figures, for the period, the one before (环比) and the same one a year earlier (同比); lastYear is left
 * out for a year, whose 同比 is its 环比 (the year before). Lists, not maps: a province's table has thousands of rows.
 */
public record ComparisonRow(String code, String name, String nameEn, String regionPath, List<Double> values,
                            List<Double> previous, List<Double> lastYear) {
}
