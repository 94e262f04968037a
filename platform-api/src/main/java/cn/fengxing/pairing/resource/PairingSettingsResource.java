package cn.fengxing.pairing.resource;

import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.pairing.api.PairingSettingsView;
import cn.fengxing.pairing.service.PairingSettingsService;
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

import static cn.fengxing.identity.Role.TENANT_ADMIN;

/** The township's care pairing alert rule. */
@Path("/api/t/{tenant}/pairing/settings")
@Tag(name = "Care pairing", description = "Care pairing 捎带手: riders look in on lone elders")
@SecurityRequirement(name = "oidc")
public class PairingSettingsResource {

    @Inject
    PairingSettingsService settings;

    @GET
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Get the alert rule",
            description = "Anomalous days in a row that raise an alert (default 3) and minutes to follow one up before "
                    + "it escalates to the admins (default 120).")
    public PairingSettingsView get(@PathParam("tenant") String tenantCode) {
        return settings.get();
    }

    @PUT
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Set the alert rule",
            description = "streakDays 1–14, followUpMinutes 5–10080; audited (pairing.settings).")
    public PairingSettingsView put(@PathParam("tenant") String tenantCode, @Valid @NotNull PairingSettingsView input) {
        return settings.put(input);
    }
}
