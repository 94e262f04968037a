package cn.fengxing.epass.resource;

import cn.fengxing.common.geo.NearbyRequest;
import cn.fengxing.epass.api.NearbyFriendlyCommunity;
import cn.fengxing.epass.api.RiderFriendlyCommunityView;
import cn.fengxing.epass.service.RiderFriendlyCommunityService;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.TenantAccess;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Friendly communities for the rider app: nearest first, and each with its map and the rider's own e-pass. */
@Path("/api/t/{tenant}/rider/friendly-communities")
@Tag(name = "E-passes", description = "Rider-friendly communities 骑手友好小区 and e-passes 电子通行证")
@SecurityRequirement(name = "oidc")
public class RiderFriendlyCommunityResource {

    @Inject
    RiderFriendlyCommunityService communities;

    @GET
    @Path("/nearby")
    @TenantAccess(Role.RIDER)
    @Operation(summary = "Friendly communities near me",
            description = "For an active rider: the friendly communities whose main entrance is nearest to a WGS84 "
                    + "point, nearest first, with the distance in metres, the kinds of mark on each map and the "
                    + "rider's e-pass in force for each (null without one). 403 for a rider who is not active.")
    public List<NearbyFriendlyCommunity> nearby(@PathParam("tenant") String tenant, @Valid @BeanParam NearbyRequest near) {
        return communities.nearby(near.lon, near.lat, near.limit);
    }

    @GET
    @Path("/{id}")
    @TenantAccess(Role.RIDER)
    @Operation(summary = "A friendly community, for me",
            description = "For an active rider: one friendly community with its map (entrances, buildings and units, "
                    + "rider parking, facilities, landmarks) and the rider's e-pass in force for it (null without one).")
    public RiderFriendlyCommunityView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return communities.get(id);
    }
}
