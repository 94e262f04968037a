package cn.fengxing.rider.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.rider.api.SquadInput;
import cn.fengxing.rider.api.SquadView;
import cn.fengxing.rider.service.SquadService;
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
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/squads")
@Tag(name = "Riders", description = "Riders 骑手 of a township")
@SecurityRequirement(name = "oidc")
public class SquadResource {

    @Inject
    SquadService squads;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "List squads", description = "Rider squads 小分队 by name, paged, with leader and member count; filter by community.")
    public Page<SquadView> list(@PathParam("tenant") String tenant, @QueryParam("community") Long community,
                                @BeanParam PageRequest paging) {
        return squads.list(community, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "Get a squad", description = "One squad with its leader and member count.")
    public SquadView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return squads.get(id);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a squad",
            description = "A new squad, optionally for a community. A leader can be named once riders have joined it.")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull SquadInput input) {
        return Response.status(Response.Status.CREATED).entity(squads.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a squad",
            description = "Name, community and leader; the leader must be an active rider of the squad (400 otherwise).")
    public SquadView update(@PathParam("tenant") String tenant, @PathParam("id") long id, @Valid @NotNull SquadInput input) {
        return squads.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a squad", description = "Removes a squad with no members left (409 otherwise).")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        squads.delete(id);
    }
}
