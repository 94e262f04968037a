package cn.fengxing.report.resource;

import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.report.api.SlaSettings;
import cn.fengxing.report.service.ReportSlas;
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

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/report-settings/sla")
@Tag(name = "Report settings", description = ReportSettingsTag.DESCRIPTION)
@SecurityRequirement(name = "oidc")
public class SlaResource {

    @Inject
    ReportSlas slas;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER})
    @Operation(summary = "Report SLA",
            description = "Minutes to dispatch, hours to resolve, and days after which an unverified resolved report "
                    + "closes (defaults 10, 72, 7), with per-category overrides.")
    public SlaSettings get(@PathParam("tenant") String tenant) {
        return slas.get();
    }

    @PUT
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Set the report SLA",
            description = "Replaces the township's SLA and its overrides (an override left out is removed). Values are "
                    + "positive; an override names a category by code and sets at least one value.")
    public SlaSettings put(@PathParam("tenant") String tenant, @Valid @NotNull SlaSettings settings) {
        return slas.put(settings);
    }
}
