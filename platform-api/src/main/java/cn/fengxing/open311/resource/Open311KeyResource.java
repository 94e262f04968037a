package cn.fengxing.open311.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.open311.api.IssuedKey;
import cn.fengxing.open311.api.Open311KeyInput;
import cn.fengxing.open311.api.Open311KeyView;
import cn.fengxing.open311.service.Open311Keys;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/open311/keys")
@Tag(name = "Open311 keys", description = "The API keys a township issues to systems that file Open311 service requests")
@SecurityRequirement(name = "oidc")
public class Open311KeyResource {

    @Inject
    Open311Keys keys;

    @GET
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "List Open311 API keys",
            description = "The township's keys, valid and revoked, newest first, paged: name, the key's first "
                    + "characters, who issued it, when it was last used. The keys themselves are never shown again.")
    public Page<Open311KeyView> list(@PathParam("tenant") String tenant, @BeanParam PageRequest paging) {
        return keys.list(paging.page(), paging.size());
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Issue an Open311 API key",
            description = "Makes a key for a system that files service requests (POST …/open311/v2/requests) in this "
                    + "township. The answer carries the key once; only its hash is kept. Audited.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedKey.class)))
    public Response issue(@PathParam("tenant") String tenant, @Valid @NotNull Open311KeyInput input) {
        return Response.status(Response.Status.CREATED).entity(keys.issue(input)).build();
    }

    @POST
    @Path("/{id}/revoke")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Revoke an Open311 API key",
            description = "The key is refused from the next request on (403); it stays listed as revoked. Revoking "
                    + "again changes nothing. Audited.")
    public Open311KeyView revoke(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return keys.revoke(id);
    }
}
