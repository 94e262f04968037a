package cn.fengxing.epass.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.epass.api.EpassView;
import cn.fengxing.epass.service.EpassService;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.TenantAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/t/{tenant}/rider/epasses")
@Tag(name = "E-passes", description = "Rider-friendly communities 骑手友好小区 and e-passes 电子通行证")
@SecurityRequirement(name = "oidc")
public class RiderEpassResource {

    @Inject
    EpassService epasses;

    @GET
    @TenantAccess(Role.RIDER)
    @Operation(summary = "My e-passes",
            description = "The rider's own passes, newest first. Each pass not revoked carries token: a JWS signed with "
                    + "the township key (claims typ=epass, jti, sub, name, communities, nbf, exp) to show as a QR code; "
                    + "a guard verifies it offline with the township's public keys (GET keys) or online (epasses/verify).")
    public Page<EpassView> mine(@PathParam("tenant") String tenant, @BeanParam PageRequest paging) {
        return epasses.mine(paging.page(), paging.size());
    }
}
