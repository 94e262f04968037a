package cn.fengxing.grid.api;

/** A grid worker 网格员 of a grid, by subject and the name their membership carries. */
public record GridWorkerView(String subject, String name) {
}
