package cn.fengxing.grid.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.grid.api.CommunityInput;
import cn.fengxing.grid.api.CommunityView;
import cn.fengxing.grid.service.GridService;
import cn.fengxing.identity.access.TenantAccess;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

@Path("/api/t/{tenant}/communities")
@Tag(name = "Grids", description = "Communities 社区, grids 网格 and micro-grids 微网格 of a township")
@SecurityRequirement(name = "oidc")
public class CommunityResource {

    @Inject
    GridService grids;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "List communities", description = "The township's communities with their grid counts, by code, paged.")
    public Page<CommunityView> list(@PathParam("tenant") String tenant, @BeanParam PageRequest paging) {
        return grids.communities(paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Get a community", description = "One community of the township.")
    public CommunityView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return grids.community(id);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a community", description = "Adds a community; its code is unique in the township.")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull CommunityInput input) {
        return Response.status(Response.Status.CREATED).entity(grids.createCommunity(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a community", description = "Replaces a community's code and name.")
    public CommunityView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                @Valid @NotNull CommunityInput input) {
        return grids.updateCommunity(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a community", description = "Removes a community that has no grids left (409 otherwise).")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        grids.deleteCommunity(id);
    }
}
