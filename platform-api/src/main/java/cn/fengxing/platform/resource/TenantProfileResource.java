package cn.fengxing.platform.resource;

import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.PublicAccess;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.platform.api.TenantProfile;
import cn.fengxing.platform.service.TenantProfileService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/t/{tenant}/profile")
@Tag(name = "Township profile", description = "Display name, logo, colours and map of a township")
public class TenantProfileResource {

    @Inject
    TenantProfileService profiles;

    @GET
    @PublicAccess
    @Operation(summary = "Township profile",
            description = "Names, branding (display name, logo, primary colour) and map settings (tile source and its "
                    + "coordinate system) of a township. No token needed: the web UI shows it before sign-in.")
    public TenantProfile profile(@PathParam("tenant") String tenant) {
        return profiles.profile(tenant);
    }

    @PUT
    @TenantAccess(Role.TENANT_ADMIN)
    @SecurityRequirement(name = "oidc")
    @Operation(summary = "Set branding and map",
            description = "Replaces the township's branding and map settings; the change is audited.")
    public TenantProfile update(@PathParam("tenant") String tenant, @Valid @NotNull TenantProfile.Settings settings) {
        return profiles.update(tenant, settings);
    }
}
