package cn.fengxing.points.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.points.api.RedeemInput;
import cn.fengxing.points.api.RedemptionView;
import cn.fengxing.points.api.RewardInput;
import cn.fengxing.points.api.RewardView;
import cn.fengxing.points.service.Redemptions;
import cn.fengxing.points.service.Rewards;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.PLATFORM_OPERATOR;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/points/rewards")
@Tag(name = "Points")
@SecurityRequirement(name = "oidc")
public class RewardResource {

    @Inject
    Rewards rewards;

    @Inject
    Redemptions redemptions;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "List rewards",
            description = "Rewards by cost, with stock, how many wait to be collected and the station; active only "
                    + "unless all=true.")
    public Page<RewardView> list(@PathParam("tenant") String tenant, @QueryParam("all") boolean all,
                                 @BeanParam PageRequest paging) {
        return rewards.list(!all, paging.page(), paging.size());
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a reward", description = "A reward collected at one of the township's stations.")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull RewardInput input) {
        return Response.status(Response.Status.CREATED).entity(rewards.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a reward", description = "Replaces a reward's fields, its stock included.")
    public RewardView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                             @Valid @NotNull RewardInput input) {
        return rewards.update(id, input);
    }

    @POST
    @Path("/{id}/redemptions")
    @TenantAccess(RIDER)
    @Operation(summary = "Redeem a reward",
            description = "The signed-in rider spends the reward's points on one item and gets the code to show at "
                    + "its station. 409 when the balance is too low or none is left. A retry with the same "
                    + "requestId returns the same redemption.")
    public Response redeem(@PathParam("tenant") String tenant, @PathParam("id") long id,
                           @Valid @NotNull RedeemInput input) {
        return Response.status(Response.Status.CREATED).entity(redemptions.redeem(id, input.requestId())).build();
    }
}
