package cn.fengxing.epass.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.epass.api.EpassInput;
import cn.fengxing.epass.api.EpassView;
import cn.fengxing.epass.api.RevokeInput;
import cn.fengxing.epass.api.VerifyInput;
import cn.fengxing.epass.api.VerifyResult;
import cn.fengxing.epass.service.EpassService;
import cn.fengxing.identity.access.PublicAccess;
import cn.fengxing.identity.access.TenantAccess;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/epasses")
@Tag(name = "E-passes", description = "Rider-friendly communities 骑手友好小区 and e-passes 电子通行证")
public class EpassResource {

    @Inject
    EpassService epasses;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "List e-passes",
            description = "E-passes, newest first, paged, with their state now (valid, not_yet_valid, expired, revoked); "
                    + "filter by rider, stored status (active or revoked) and friendly community.")
    public Page<EpassView> list(@PathParam("tenant") String tenant, @QueryParam("rider") Long rider,
                                @QueryParam("status") @Pattern(regexp = "active|revoked") String status,
                                @QueryParam("community") Long community, @BeanParam PageRequest paging) {
        return epasses.list(rider, status, community, paging.page(), paging.size());
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Issue an e-pass",
            description = "A pass for an active rider to one or more friendly communities, valid from validFrom until "
                    + "validUntil (after validFrom, at most one year).")
    public Response issue(@PathParam("tenant") String tenant, @Valid @NotNull EpassInput input) {
        return Response.status(Response.Status.CREATED).entity(epasses.issue(input)).build();
    }

    @POST
    @Path("/{id}/revoke")
    @TenantAccess(TENANT_ADMIN)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Revoke an e-pass",
            description = "Ends a pass with a reason. Guards see it revoked at their next online check; a phone checking "
                    + "offline still accepts the signature until the pass expires. 409 if already revoked.")
    public EpassView revoke(@PathParam("tenant") String tenant, @PathParam("id") UUID id, @Valid @NotNull RevokeInput input) {
        return epasses.revoke(id, input.reason());
    }

    @POST
    @Path("/verify")
    @PublicAccess
    @Operation(summary = "Verify a scanned e-pass",
            description = "For a guard's phone, no sign-in: checks the pass signature with the township key and looks up "
                    + "revocation. Answers valid, expired, not_yet_valid, revoked or invalid (not signed by this "
                    + "township, damaged or unknown), with the rider's name, the communities and the end of validity.")
    public VerifyResult verify(@PathParam("tenant") String tenant, @Valid @NotNull VerifyInput input) {
        return epasses.verify(input.token());
    }
}
