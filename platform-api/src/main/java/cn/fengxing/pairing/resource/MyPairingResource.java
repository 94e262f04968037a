package cn.fengxing.pairing.resource;

import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.pairing.api.MyElder;
import cn.fengxing.pairing.service.Pairings;
import cn.fengxing.rider.service.RiderCodes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static cn.fengxing.identity.Role.RIDER;

/** The signed-in rider's elders 我的老人. */
@Path("/api/t/{tenant}/pairing/mine")
@Tag(name = "Care pairing", description = "Care pairing 捎带手: riders look in on lone elders")
@SecurityRequirement(name = "oidc")
public class MyPairingResource {

    @Inject
    Pairings pairings;

    @Inject
    RiderCodes riders;

    @GET
    @TenantAccess(RIDER)
    @Operation(summary = "My elders",
            description = "The elders the signed-in rider is paired with today: given name, address, landmark, door "
                    + "photo, place, this week's look-ins, the latest one and today's sign. Never the family name, "
                    + "phones, family contact or notes.")
    public List<MyElder> mine(@PathParam("tenant") String tenantCode) {
        return pairings.mine(riders.current());
    }
}
