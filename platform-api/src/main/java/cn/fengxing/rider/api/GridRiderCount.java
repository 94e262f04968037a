package cn.fengxing.rider.api;

/** How many riders are assigned to a grid. */
public record GridRiderCount(long gridId, long riders) {
}
