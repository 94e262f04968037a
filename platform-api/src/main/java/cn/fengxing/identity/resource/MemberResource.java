package cn.fengxing.identity.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.identity.api.MemberView;
import cn.fengxing.identity.service.Members;
import jakarta.inject.Inject;
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
}
