package cn.fengxing.report.resource;

import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.report.api.TemplateInput;
import cn.fengxing.report.api.TemplateView;
import cn.fengxing.report.service.ResponseTemplates;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/report-settings/templates")
@Tag(name = "Report settings", description = ReportSettingsTag.DESCRIPTION)
@SecurityRequirement(name = "oidc")
public class TemplateResource {

    @Inject
    ResponseTemplates templates;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "Response templates",
            description = "The message a rider gets when their report reaches each state (submitted, dispatched, "
                    + "in_progress, resolved, closed_fixed, closed_not_fixed, reopened, rejected, duplicate), in zh "
                    + "and en; custom is false where the built-in default applies.")
    public List<TemplateView> list(@PathParam("tenant") String tenant) {
        return templates.list();
    }

    @PUT
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Set response templates",
            description = "Sets the texts of the listed states; other states keep theirs. Placeholders: {category}, "
                    + "{community}, {handler}, {note}; any other brace is refused. Putting the default text back "
                    + "restores the default.")
    public List<TemplateView> put(@PathParam("tenant") String tenant,
                                  @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull TemplateInput> inputs) {
        return templates.put(inputs);
    }
}
