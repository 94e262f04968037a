package cn.fengxing.report.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.report.api.DepartmentInput;
import cn.fengxing.report.api.DepartmentView;
import cn.fengxing.report.service.Departments;
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
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/report-settings/departments")
@Tag(name = "Report settings", description = ReportSettingsTag.DESCRIPTION)
@SecurityRequirement(name = "oidc")
public class DepartmentResource {

    @Inject
    Departments departments;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER})
    @Operation(summary = "List departments",
            description = "The township's departments 部门 with their contacts, by code, paged; filter by active.")
    public Page<DepartmentView> list(@PathParam("tenant") String tenant, @QueryParam("active") Boolean active,
                                     @BeanParam PageRequest paging) {
        return departments.list(active, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER})
    @Operation(summary = "Get a department", description = "One department with its contacts.")
    public DepartmentView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return departments.get(id);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a department",
            description = "Adds a department with its contacts (name, phone, duty such as 24h); the code is unique in "
                    + "the township (409).")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull DepartmentInput input) {
        return Response.status(Response.Status.CREATED).entity(departments.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a department", description = "Replaces a department's name, contacts and status.")
    public DepartmentView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                 @Valid @NotNull DepartmentInput input) {
        return departments.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a department",
            description = "Removes a department no routing rule sends reports to (409 otherwise; deactivate it instead).")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        departments.delete(id);
    }
}
