package cn.fengxing.staff.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.identity.api.MemberView;
import cn.fengxing.identity.service.Members;
import cn.fengxing.staff.api.InviteResult;
import cn.fengxing.staff.api.StaffInvite;
import cn.fengxing.staff.api.StaffRoles;
import cn.fengxing.staff.service.StaffService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.jboss.resteasy.reactive.ResponseStatus;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/members")
@Tag(name = "Members", description = "The people who hold roles in a township")
@SecurityRequirement(name = "oidc")
public class MemberResource {

    @Inject
    Members members;

    @Inject
    StaffService staff;

    @GET
    // dispatchers pick grid workers and handlers when they dispatch reports
    @TenantAccess({TENANT_ADMIN, DISPATCHER})
    @Operation(summary = "Members of the township",
            description = "The township's active members (subject, name, roles here), by name, paged; filter by a "
                    + "township role (e.g. station_keeper for a station's keeper, handler for grid workers) and by "
                    + "a fragment of the name or subject.")
    public Page<MemberView> list(@PathParam("tenant") String tenant,
                                 @QueryParam("role") @Parameter(description = "A township role",
                                         schema = @Schema(type = SchemaType.STRING,
                                                 enumeration = {"rider", "dispatcher", "handler", "station_keeper",
                                                         "tenant_admin"})) String role,
                                 @QueryParam("q") @Size(max = 100)
                                 @Parameter(description = "Part of the name or subject") String q,
                                 @BeanParam PageRequest paging) {
        return members.search(tenant, role == null || role.isBlank() ? null : Role.tenantRole(role), q,
                paging.page(), paging.size());
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "Invite staff",
            description = "Gives a person named by username, phone or e-mail staff roles (dispatcher, handler, "
                    + "station_keeper, tenant_admin) here, added to those they hold. With a user directory "
                    + "(Keycloak) their account is found or created (enabled, password set at first sign-in, nothing "
                    + "sent); otherwise the invitation is pending until someone signs in with that e-mail or phone "
                    + "verified. Audited.")
    public InviteResult invite(@PathParam("tenant") String tenant, @Valid @NotNull StaffInvite invite) {
        return staff.invite(tenant, invite);
    }

    @PUT
    @Path("/{subject}/roles")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Change a member's staff roles",
            description = "The staff roles the member holds from now on (their rider role stays). The last tenant "
                    + "admin keeps that role (409). Audited.")
    public MemberView setRoles(@PathParam("tenant") String tenant,
                               @PathParam("subject") @Size(max = 255) String subject,
                               @Valid @NotNull StaffRoles roles) {
        return staff.setRoles(tenant, subject, roles.roles());
    }

    @DELETE
    @Path("/{subject}")
    @TenantAccess(TENANT_ADMIN)
    @ResponseStatus(204)
    @Operation(summary = "Remove staff",
            description = "Takes the member's staff roles (a rider stays a rider); the last tenant admin cannot be "
                    + "removed (409). Audited.")
    public void remove(@PathParam("tenant") String tenant, @PathParam("subject") @Size(max = 255) String subject) {
        staff.remove(tenant, subject);
    }
}
