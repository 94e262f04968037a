package cn.fengxing.platform.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.PlatformAccess;
import cn.fengxing.platform.api.ApplyResult;
import cn.fengxing.platform.api.OffboardResult;
import cn.fengxing.platform.api.TenantManifest;
import cn.fengxing.platform.api.TenantView;
import cn.fengxing.platform.service.ExportService;
import cn.fengxing.platform.service.OffboardingService;
import cn.fengxing.platform.service.TenantService;
import cn.fengxing.tenancy.entity.Tenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/platform/tenants")
@Tag(name = "Platform: tenants", description = "Onboarding, suspension and offboarding export of townships")
@SecurityRequirement(name = "oidc")
@PlatformAccess(Role.PLATFORM_OPERATOR)
public class PlatformTenantResource {

    @Inject
    TenantService tenants;

    @Inject
    ExportService export;

    @Inject
    OffboardingService offboarding;

    @PUT
    @Path("/{code}")
    @Operation(summary = "Apply a tenant manifest",
            description = "Creates the township or updates it to match the manifest. Applying the same manifest again "
                    + "changes nothing. With dryRun=true nothing is written and the answer lists what would change.")
    public ApplyResult apply(@PathParam("code") String code, @Valid @NotNull TenantManifest manifest,
                             @QueryParam("dryRun") boolean dryRun) {
        return tenants.apply(code, manifest, dryRun);
    }

    @GET
    @Operation(summary = "List townships", description = "All townships on the platform by region, then name, paged; "
            + "with riders enrolled, riders active and reports filed this year, from the regional figures.")
    public Page<TenantView> list(@BeanParam PageRequest paging) {
        return tenants.list(paging.page(), paging.size());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a township", description = "One township's registration and status.")
    public TenantView get(@PathParam("code") String code) {
        return tenants.get(code);
    }

    @POST
    @Path("/{code}/suspend")
    @Operation(summary = "Suspend a township",
            description = "Its members are refused (403) until it is resumed; platform operators keep access.")
    public TenantView suspend(@PathParam("code") String code) {
        return tenants.setStatus(code, Tenant.SUSPENDED);
    }

    @POST
    @Path("/{code}/resume")
    @Operation(summary = "Resume a township", description = "Lifts a suspension.")
    public TenantView resume(@PathParam("code") String code) {
        return tenants.setStatus(code, Tenant.ACTIVE);
    }

    @GET
    @Path("/{code}/export")
    @Produces("application/zip")
    @Operation(summary = "Export a township's data",
            description = "A zip archive with every row the township owns (JSON Lines, one file per table), "
                    + "for offboarding or backup.")
    public Response export(@PathParam("code") String code) {
        byte[] archive = export.export(code);
        return Response.ok(archive, MediaType.valueOf("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"fengxing-" + code + "-" + LocalDate.now() + ".zip\"")
                .build();
    }

    @DELETE
    @Path("/{code}")
    @Operation(summary = "Offboard a township",
            description = "Deletes every row and file of the township, for good; take its export first. Only a "
                    + "suspended township (409 otherwise), and only with confirm set to its code (400 otherwise). "
                    + "The answer counts the rows deleted per table and the files. Its code can be onboarded again.")
    public OffboardResult offboard(@PathParam("code") String code, @QueryParam("confirm") String confirm) {
        return offboarding.offboard(code, confirm);
    }
}
