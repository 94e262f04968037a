package cn.fengxing.pairing.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.pairing.api.VisitView;
import cn.fengxing.pairing.service.Visits;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/** An elder's look-ins, for the staff of the elder's community. */
@Path("/api/t/{tenant}/pairing/elders/{id}/visits")
@Tag(name = "Care pairing", description = "Care pairing 捎带手: riders look in on lone elders")
@SecurityRequirement(name = "oidc")
public class ElderVisitResource {

    @Inject
    Visits visits;

    @GET
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "An elder's look-ins",
            description = "The elder's visits by every rider paired with them, newest first, paged, with the rider's "
                    + "name. Grid workers see their communities' elders only (404 otherwise).")
    public Page<VisitView> list(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                                @BeanParam PageRequest paging) {
        return visits.ofElder(id, paging.page(), paging.size());
    }
}
