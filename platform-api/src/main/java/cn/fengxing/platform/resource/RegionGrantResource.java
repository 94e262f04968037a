package cn.fengxing.platform.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.PlatformAccess;
import cn.fengxing.identity.api.GrantView;
import cn.fengxing.platform.api.GrantInput;
import cn.fengxing.platform.api.GrantResult;
import cn.fengxing.platform.service.RegionGrants;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/platform/region-grants")
@Tag(name = "Platform: regional grants", description = "Provincial, city and county staff, and platform operators")
@SecurityRequirement(name = "oidc")
@PlatformAccess(Role.PLATFORM_OPERATOR)
public class RegionGrantResource {

    @Inject
    RegionGrants grants;

    @GET
    @Operation(summary = "List regional grants", description = "Every regional grant, paged.")
    public Page<GrantView> list(@BeanParam PageRequest paging) {
        return grants.list(paging.page(), paging.size());
    }

    @PUT
    @Operation(summary = "Grant a regional role",
            description = "Gives a person region_viewer over a province/city/county path (e.g. 山西省), or "
                    + "platform_operator with an empty path. The person is named by OIDC subject, or by username, "
                    + "phone or e-mail: their account is then created when missing, and the answer carries its "
                    + "one-time password this once. Granting what exists changes nothing but a given name.")
    public GrantResult grant(@Valid @NotNull GrantInput input) {
        return grants.grant(input);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a regional grant", description = "Removes one grant by id.")
    public void revoke(@PathParam("id") long id) {
        grants.revoke(id);
    }
}
