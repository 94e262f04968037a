package cn.fengxing.region.api;

public record RegionRef(String path, String name, int level) {
}
