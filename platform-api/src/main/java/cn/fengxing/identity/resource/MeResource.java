package cn.fengxing.identity.resource;

import cn.fengxing.identity.access.SignedIn;
import cn.fengxing.identity.api.MeView;
import cn.fengxing.identity.service.IdentityService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me")
@Tag(name = "Identity", description = "The signed-in caller")
@SecurityRequirement(name = "oidc")
public class MeResource {

    @Inject
    IdentityService identity;

    @GET
    @SignedIn
    @Operation(summary = "Who am I",
            description = "The caller's token subject, the townships they belong to with their roles there, "
                    + "and their regional grants.")
    public MeView me() {
        return identity.me();
    }
}
