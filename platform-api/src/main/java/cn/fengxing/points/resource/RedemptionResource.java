package cn.fengxing.points.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.points.api.HandoverInput;
import cn.fengxing.points.api.RedemptionView;
import cn.fengxing.points.service.Redemptions;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/points/redemptions")
@Tag(name = "Points")
@SecurityRequirement(name = "oidc")
public class RedemptionResource {

    @Inject
    Redemptions redemptions;

    @GET
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "List redemptions",
            description = "Newest first, by status; a station keeper sees those of their stations' rewards.")
    public Page<RedemptionView> list(@PathParam("tenant") String tenant,
                                     @QueryParam("status") @Pattern(regexp = "^(reserved|handed_over|cancelled|expired)$")
                                     String status, @BeanParam PageRequest paging) {
        return redemptions.list(status, paging.page(), paging.size());
    }

    @GET
    @Path("/mine")
    @TenantAccess(RIDER)
    @Operation(summary = "My redemptions", description = "The signed-in rider's redemptions, newest first.")
    public Page<RedemptionView> mine(@PathParam("tenant") String tenant, @BeanParam PageRequest paging) {
        return redemptions.mine(paging.page(), paging.size());
    }

    @POST
    @Path("/handover")
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "Hand a reward over",
            description = "The keeper of the reward's station (or a tenant admin) scanned the rider's redemption "
                    + "code: marks it handed over and shows the rider. 409 when it was handed over, cancelled or "
                    + "expired already; 403 for another station's keeper.")
    public RedemptionView handOver(@PathParam("tenant") String tenant, @Valid @NotNull HandoverInput input) {
        return redemptions.handOver(input.code());
    }

    @POST
    @Path("/{id}/cancel")
    @TenantAccess({TENANT_ADMIN, RIDER})
    @Operation(summary = "Cancel a redemption",
            description = "Its rider (or a tenant admin) cancels a redemption not collected yet: the points and the "
                    + "item go back.")
    public RedemptionView cancel(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return redemptions.cancel(id);
    }
}
