package cn.fengxing.report.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.report.api.CategoryInput;
import cn.fengxing.report.api.CategoryView;
import cn.fengxing.report.service.ReportCategories;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.PLATFORM_OPERATOR;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/report-settings/categories")
@Tag(name = "Report settings", description = ReportSettingsTag.DESCRIPTION)
@SecurityRequirement(name = "oidc")
public class ReportCategoryResource {

    @Inject
    ReportCategories categories;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "List report categories",
            description = "The township's report categories, groups and sub-categories (parent names the group), in "
                    + "the order the rider app lists them, paged; filter by active.")
    public Page<CategoryView> list(@PathParam("tenant") String tenant, @QueryParam("active") Boolean active,
                                   @BeanParam PageRequest paging) {
        return categories.list(active, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Get a report category", description = "One report category of the township.")
    public CategoryView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return categories.get(id);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a report category",
            description = "Adds a category, or a sub-category when parent names a group; the code is unique in the "
                    + "township (409). An emergency stop needs hotlineText and makes the category urgent.")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull CategoryInput input) {
        return Response.status(Response.Status.CREATED).entity(categories.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a report category", description = "Replaces a category's fields.")
    public CategoryView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                               @Valid @NotNull CategoryInput input) {
        return categories.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Deactivate a report category",
            description = "Categories are never deleted, because reports refer to them: this deactivates the "
                    + "category, so the rider app no longer offers it. Reactivate it with an update.")
    public void deactivate(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        categories.deactivate(id);
    }
}
