package cn.fengxing.rider.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.rider.api.BindingCodeView;
import cn.fengxing.rider.api.GridAssignment;
import cn.fengxing.rider.api.GridRiderCount;
import cn.fengxing.rider.api.ImportResult;
import cn.fengxing.rider.api.PersonalDataView;
import cn.fengxing.rider.api.Platform;
import cn.fengxing.rider.api.RiderUpdate;
import cn.fengxing.rider.api.RiderView;
import cn.fengxing.rider.service.RiderBinding;
import cn.fengxing.rider.service.RiderImport;
import cn.fengxing.rider.service.RiderService;
import cn.fengxing.rider.service.RiderService.Transition;
import cn.fengxing.rider.service.RosterFile;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/** The tenant admin's rider roster 骑手管理. Phone and ID number are masked in every answer but the audited reveal. */
@Path("/api/t/{tenant}/riders")
@Tag(name = "Riders", description = "Riders 骑手 of a township")
@SecurityRequirement(name = "oidc")
public class RiderResource {

    @Inject
    RiderService riders;

    @Inject
    RiderImport imports;

    @Inject
    RiderBinding binding;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "List riders",
            description = "Riders by name, paged; filter by status, squad, platform, assigned grid and a text search on "
                    + "the name. Phone and ID number are masked.")
    public Page<RiderView> list(@PathParam("tenant") String tenant,
                                @QueryParam("status") @Pattern(regexp = "pending|active|suspended|left") String status,
                                @QueryParam("squad") Long squad,
                                @QueryParam("platform") Platform platform,
                                @QueryParam("grid") Long grid,
                                @QueryParam("q") @Size(max = 50) String q,
                                @BeanParam PageRequest paging) {
        return riders.list(new RiderService.Filter(status, squad, platform, grid, q), paging.page(), paging.size());
    }

    @GET
    @Path("/grid-counts")
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "Riders per grid",
            description = "How many riders are assigned to each grid (grids without riders are left out), for the grid list.")
    public List<GridRiderCount> gridCounts(@PathParam("tenant") String tenant) {
        return riders.countsByGrid();
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "Get a rider", description = "One rider, masked, with the grids they are assigned to.")
    public RiderView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return riders.get(id);
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a rider",
            description = "Name, platform, depot, squad, and the party-member and volunteer flags when the township "
                    + "switched those fields on (400 otherwise). Leaving a squad ends its leadership.")
    public RiderView update(@PathParam("tenant") String tenant, @PathParam("id") long id, @Valid @NotNull RiderUpdate input) {
        return riders.update(id, input);
    }

    @POST
    @Path("/{id}/approve")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Approve a rider",
            description = "pending → active; the rider gains the rider role. A registration that claims an imported rider "
                    + "(claims) binds the person to that rider instead and answers with it (audited as rider.bind). "
                    + "409 from any other status.")
    public RiderView approve(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return riders.transition(id, Transition.approve);
    }

    @POST
    @Path("/{id}/suspend")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Suspend a rider", description = "active → suspended; the rider loses the rider role. 409 otherwise.")
    public RiderView suspend(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return riders.transition(id, Transition.suspend);
    }

    @POST
    @Path("/{id}/resume")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Resume a rider", description = "suspended → active. 409 otherwise.")
    public RiderView resume(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return riders.transition(id, Transition.resume);
    }

    @POST
    @Path("/{id}/leave")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Mark a rider as left", description = "pending, active or suspended → left. 409 if already left.")
    public RiderView leave(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return riders.transition(id, Transition.leave);
    }

    @POST
    @Path("/{id}/binding-code")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Make a binding code for an imported rider",
            description = "A one-time code (shown only in this answer, kept as its hash) that the rider enters when they "
                    + "register, binding them to this roster entry at once. It replaces any earlier code, expires "
                    + "(fengxing.riders.binding-code-ttl) and stops working after a few wrong tries. 409 for a rider who "
                    + "has already signed in. Audited (rider.binding-code).")
    public BindingCodeView bindingCode(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return binding.issue(id);
    }

    @PUT
    @Path("/{id}/grids")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Assign a rider to grids", description = "Replaces the grids 网格 the rider is assigned to.")
    public RiderView assignGrids(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                 @Valid @NotNull GridAssignment input) {
        return riders.assignGrids(id, input.gridIds());
    }

    @POST
    @Path("/{id}/reveal")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Reveal a rider's personal data",
            description = "The unmasked phone and ID number. Every reveal is audited (rider.reveal: who, which rider, "
                    + "which fields).")
    public PersonalDataView reveal(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return riders.reveal(id);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Import a rider roster",
            description = "An XLSX or CSV file (form field file, at most 5 MB and 5,000 rows) with a header row in Chinese "
                    + "or English: 姓名/name, 手机号/phone, 身份证号/idNumber (optional), 平台/platform, 站点/depot, "
                    + "小分队/squad (optional, by name). Every row is checked first; any bad row rejects the whole file "
                    + "with each row's errors (rows[N].field, N as numbered in the file). Riders are matched by phone: "
                    + "new ones are added as active riders, the same rider is updated.")
    public ImportResult importRoster(@PathParam("tenant") String tenant, @RestForm("file") FileUpload file) {
        return imports.importRoster(RosterFile.upload(file, "rider.import-file"));
    }
}
