package cn.fengxing.report.api;

/**
 * Whom a routing rule proposes: one grid worker (a member with role handler), the grid worker of the
 * report's grid (known once the report is placed in its grid), or a department.
 */
public enum TargetKind {
    handler, grid_worker_of_grid, department
}
