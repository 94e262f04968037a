package cn.fengxing.region.api;

import java.util.List;

/** The region's row of the comparison table (total or median per figure), in the order of its figures; as a row. */
public record RegionRow(List<Double> values, List<Double> previous, List<Double> lastYear) {
}
