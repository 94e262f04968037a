package cn.fengxing.region.api;

import java.time.OffsetDateTime;
import java.util.List;

/** The regions the caller may compare (those granted, with everything under them). */
public record RegionTree(OffsetDateTime dataAsOf, List<RegionNode> roots) {
}
