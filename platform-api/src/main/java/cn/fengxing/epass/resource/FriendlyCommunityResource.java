package cn.fengxing.epass.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.epass.api.FriendlyCommunityInput;
import cn.fengxing.epass.api.FriendlyCommunityView;
import cn.fengxing.epass.service.FriendlyCommunityService;
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

@Path("/api/t/{tenant}/friendly-communities")
@Tag(name = "E-passes", description = "Rider-friendly communities 骑手友好小区 and e-passes 电子通行证")
@SecurityRequirement(name = "oidc")
public class FriendlyCommunityResource {

    @Inject
    FriendlyCommunityService communities;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "List friendly communities",
            description = "Rider-friendly communities by code, paged, with their maps (entrances, buildings and units, "
                    + "rider parking, facilities, landmarks) and the number of e-passes in force; filter by community.")
    public Page<FriendlyCommunityView> list(@PathParam("tenant") String tenant, @QueryParam("community") Long community,
                                            @BeanParam PageRequest paging) {
        return communities.list(community, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Get a friendly community", description = "One friendly community with its map.")
    public FriendlyCommunityView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return communities.get(id);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a friendly community",
            description = "The map must be a GeoJSON FeatureCollection (WGS84) of Point, LineString or Polygon features, "
                    + "each with properties.kind, a geometry that fits the kind (see map) and properties.label; a "
                    + "400 problem names each bad feature by its index (map.features[i]).")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull FriendlyCommunityInput input) {
        return Response.status(Response.Status.CREATED).entity(communities.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a friendly community", description = "Replaces its fields and map.")
    public FriendlyCommunityView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                        @Valid @NotNull FriendlyCommunityInput input) {
        return communities.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a friendly community", description = "Removes one no e-pass names (409 otherwise).")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        communities.delete(id);
    }
}
