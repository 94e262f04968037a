package cn.fengxing.pairing.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.pairing.api.PairingEndInput;
import cn.fengxing.pairing.api.PairingInput;
import cn.fengxing.pairing.api.PairingView;
import cn.fengxing.pairing.service.Pairings;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/** Pairings 结对 of riders with elders, for the admins and the grid workers of the elders' communities. */
@Path("/api/t/{tenant}/pairing/pairings")
@Tag(name = "Care pairing", description = "Care pairing 捎带手: riders look in on lone elders")
@SecurityRequirement(name = "oidc")
public class PairingResource {

    @Inject
    Pairings pairings;

    @GET
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "List pairings",
            description = "Pairings of the caller's communities, newest start first, with the latest look-in and the "
                    + "anomalous days in a row now; community (code) and active (running today or later) filter.")
    public Page<PairingView> list(@PathParam("tenant") String tenantCode,
                                  @QueryParam("community") @Pattern(regexp = ElderResource.COMMUNITY) String community,
                                  @QueryParam("active") @Pattern(regexp = "^(true|false)$") String active,
                                  @BeanParam PageRequest paging) {
        return pairings.list(community, active == null ? null : Boolean.valueOf(active), paging.page(), paging.size());
    }

    @POST
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Pair a rider with an elder",
            description = "From startOn (today or later) on, open-ended. The elder must be active and of the caller's "
                    + "communities (404 otherwise), the rider an active rider of the township (400 riderId). 409 when "
                    + "the elder or the rider is paired already on an overlapping span.")
    @APIResponse(responseCode = "201", description = "Paired",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairingView.class)))
    public Response create(@PathParam("tenant") String tenantCode, @Valid @NotNull PairingInput input) {
        return Response.status(Response.Status.CREATED).entity(pairings.create(input)).build();
    }

    @POST
    @Path("/{id}/end")
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "End a pairing",
            description = "Its last day (not before its start or its latest look-in); 409 when it has ended already.")
    public PairingView end(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                           @Valid @NotNull PairingEndInput input) {
        return pairings.end(id, input);
    }
}
