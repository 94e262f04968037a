package cn.fengxing.rider.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.rider.api.RiderView;
import cn.fengxing.rider.service.RiderService;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/grids/{id}/riders")
@Tag(name = "Riders", description = "Riders 骑手 of a township")
@SecurityRequirement(name = "oidc")
public class GridRidersResource {

    @Inject
    RiderService riders;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER})
    @Operation(summary = "Riders of a grid",
            description = "The riders assigned to a grid 网格, masked, paged; total is the grid's rider count.")
    public Page<RiderView> list(@PathParam("tenant") String tenant, @PathParam("id") long id, @BeanParam PageRequest paging) {
        return riders.ofGrid(id, paging.page(), paging.size());
    }
}
