package cn.fengxing.rider.resource;

import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.rider.service.RiderCodes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/t/{tenant}/rider/code")
@Tag(name = "Riders", description = "Riders 骑手 of a township")
@SecurityRequirement(name = "oidc")
public class RiderCodeResource {

    /** A personal code to show as a QR code. */
    public record RiderCode(String code, int validSeconds) {
    }

    @Inject
    RiderCodes codes;

    @GET
    @TenantAccess(Role.RIDER)
    @Operation(summary = "My rider code",
            description = "A short-lived signed code (JWS) the rider shows as a QR code; station keepers and partner "
                    + "merchants scan it to log a visit or confirm a discount.")
    public RiderCode code(@PathParam("tenant") String tenant) {
        return new RiderCode(codes.issue(), RiderCodes.VALID_SECONDS);
    }
}
