package cn.fengxing.grid.api;

/** Where a point falls: its community, its grid and, where drawn, its micro-grid. */
public record Location(double lon, double lat, CommunityView community, GridView grid, GridView microGrid) {
}
