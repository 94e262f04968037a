package cn.fengxing.pairing.resource;

import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.pairing.service.Visits;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/** A look-in's photo. */
@Path("/api/t/{tenant}/pairing/visits/{id}/photo")
@Tag(name = "Care pairing", description = "Care pairing 捎带手: riders look in on lone elders")
@SecurityRequirement(name = "oidc")
public class VisitPhotoResource {

    @Inject
    Visits visits;

    @GET
    @Produces("image/jpeg")
    @TenantAccess({RIDER, TENANT_ADMIN, HANDLER})
    @Operation(summary = "Get a look-in's photo",
            description = "The stored JPEG (no metadata); size=thumb for the thumbnail. Its rider and the staff of "
                    + "the elder's community; 404 for anyone else, and when the visit has no photo.")
    @APIResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response photo(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                          @QueryParam("size") @Pattern(regexp = "^(thumb|full)$") String size) {
        return Response.ok(visits.photo(id, "thumb".equals(size)))
                .header("Cache-Control", "private, max-age=86400, immutable").build();
    }
}
