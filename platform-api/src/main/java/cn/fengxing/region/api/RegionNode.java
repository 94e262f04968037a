package cn.fengxing.region.api;

import java.util.List;

/** A province (level 1), city (2) or county (3) with the regions and townships directly in it. */
public record RegionNode(String path, String name, int level, List<RegionNode> children, List<TownshipRef> townships) {
}
