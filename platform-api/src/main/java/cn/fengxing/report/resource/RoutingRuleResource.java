package cn.fengxing.report.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.report.api.RoutingProposal;
import cn.fengxing.report.api.RoutingRuleInput;
import cn.fengxing.report.api.RoutingRuleView;
import cn.fengxing.report.service.RoutingRules;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/report-settings/routing-rules")
@Tag(name = "Report settings", description = ReportSettingsTag.DESCRIPTION)
@SecurityRequirement(name = "oidc")
public class RoutingRuleResource {

    @Inject
    RoutingRules rules;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "List routing rules",
            description = "The township's routing rules 派单规则, oldest first, paged; filter by category code.")
    public Page<RoutingRuleView> list(@PathParam("tenant") String tenant, @QueryParam("category") String category,
                                      @BeanParam PageRequest paging) {
        return rules.list(category, paging.page(), paging.size());
    }

    @GET
    @Path("/resolve")
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "Propose an assignee",
            description = "The assignee the rules propose for a report of a category (code) in a community (code, "
                    + "optional): the most specific rule wins — category in the community, category anywhere, then "
                    + "the category's group in the community and anywhere. matched is false when no rule applies. "
                    + "The dispatcher sees this as the proposal and may override it. Without a report there is no grid, "
                    + "so a grid_worker_of_grid rule names no assignee here (the dispatch proposal does).")
    public RoutingProposal resolve(@PathParam("tenant") String tenant,
                                   @QueryParam("category") @NotBlank String category,
                                   @QueryParam("community") String community) {
        return rules.resolve(category, community == null || community.isBlank() ? null : community, null);
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "Get a routing rule", description = "One routing rule.")
    public RoutingRuleView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return rules.get(id);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a routing rule",
            description = "Routes a category (code), in one community (code) or everywhere, to a grid worker "
                    + "(target handler: a member with role handler, by subject), to the grid worker of the report's "
                    + "grid (target grid_worker_of_grid) or to a department (target department, by code), at level "
                    + "community, department or urgent. One rule per category and community (409).")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull RoutingRuleInput input) {
        return Response.status(Response.Status.CREATED).entity(rules.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a routing rule", description = "Replaces a routing rule.")
    public RoutingRuleView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                  @Valid @NotNull RoutingRuleInput input) {
        return rules.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a routing rule", description = "Removes a routing rule.")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        rules.delete(id);
    }
}
