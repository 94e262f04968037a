package cn.fengxing.pairing.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.pairing.api.AlertView;
import cn.fengxing.pairing.api.FollowUpInput;
import cn.fengxing.pairing.service.Alerts;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/** Alerts 预警 about paired elders, and the community's follow-up 跟进. */
@Path("/api/t/{tenant}/pairing/alerts")
@Tag(name = "Care pairing", description = "Care pairing 捎带手: riders look in on lone elders")
@SecurityRequirement(name = "oidc")
public class AlertResource {

    @Inject
    Alerts alerts;

    @GET
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "List alerts",
            description = "Alerts newest first, by state (open: waiting for the follow-up; escalated: past due, the "
                    + "admins told; closed: followed up) and community code. Admins see the township's; grid workers "
                    + "their communities'.")
    public Page<AlertView> list(@PathParam("tenant") String tenantCode,
                                @QueryParam("state") @Pattern(regexp = "^(open|escalated|closed)$")
                                @Parameter(schema = @Schema(type = SchemaType.STRING,
                                        enumeration = {"open", "escalated", "closed"})) String state,
                                @QueryParam("community") @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$")
                                String community,
                                @BeanParam PageRequest paging) {
        return alerts.list(state, community, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Get an alert",
            description = "The alert with the visits of its days (a call for help: its visit); 404 outside the "
                    + "caller's communities.")
    public AlertView get(@PathParam("tenant") String tenantCode, @PathParam("id") long id) {
        return alerts.get(id);
    }

    @POST
    @Path("/{id}/follow-up")
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Follow up an alert",
            description = "What the community found: safe, helped, hospital, family or other, with a note (at most "
                    + "500 characters; required for other). Once: 409 when it was followed up already. Audited; the "
                    + "rider who looks in on the elder is told.")
    public AlertView followUp(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                              @Valid @NotNull FollowUpInput input) {
        return alerts.followUp(id, input);
    }
}
