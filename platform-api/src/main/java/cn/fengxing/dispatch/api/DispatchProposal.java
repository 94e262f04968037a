package cn.fengxing.dispatch.api;

import cn.fengxing.grid.api.GridWorkerView;
import cn.fengxing.report.api.ReportSummary;
import cn.fengxing.report.api.RoutingProposal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What the dispatcher sees before dispatching: the rules' proposal, the grid's workers, likely duplicates. */
public record DispatchProposal(
        RoutingProposal routing,
        @Schema(description = "Grid workers 网格员 of the report's grid (the target of grid_worker_of_grid rules)")
        List<GridWorkerView> gridWorkers,
        @Schema(description = "Other open reports of the same category nearby, nearest first (duplicates?)")
        List<ReportSummary> nearby) {
}
