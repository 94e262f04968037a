package cn.fengxing.region.api;

/** A township as the region views show it: its names, its region and its map centre (WGS84, null when unset). */
public record TownshipRef(String code, String name, String nameEn, String regionPath, Double lon, Double lat) {
}
