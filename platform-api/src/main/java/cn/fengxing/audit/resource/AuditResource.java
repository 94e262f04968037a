package cn.fengxing.audit.resource;

import cn.fengxing.audit.api.AuditEntryView;
import cn.fengxing.audit.service.AuditTrail;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.TenantAccess;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

@Path("/api/t/{tenant}/audit")
@Tag(name = "Audit", description = "Who changed a township's configuration or looked at personal data, and when")
@SecurityRequirement(name = "oidc")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @TenantAccess(Role.TENANT_ADMIN)
    @Operation(summary = "Audit log",
            description = "The township's audit entries (configuration changes, personal-data reveals), newest first, "
                    + "paged; filter by time (from inclusive, to exclusive, ISO 8601 with offset), action (an action "
                    + "such as report.category.update, or a family such as report.category) and actor subject. Each "
                    + "entry names the actor's membership name where the actor is a member of the township.")
    public Page<AuditEntryView> list(@PathParam("tenant") String tenant,
                                     @QueryParam("from") @Parameter(example = "2026-11-01T00:00:00+08:00") String from,
                                     @QueryParam("to") String to,
                                     @QueryParam("action") @Size(max = 100) String action,
                                     @QueryParam("actor") @Size(max = 255) String actor,
                                     @BeanParam PageRequest paging) {
        return trail.search(tenant, time("from", from), time("to", to), blankToNull(action), blankToNull(actor),
                paging.page(), paging.size());
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("audit.time", name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
