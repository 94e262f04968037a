package cn.fengxing.region.resource;

import cn.fengxing.common.web.RequestLocale;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.region.api.Standing;
import cn.fengxing.region.api.TownshipTrend;
import cn.fengxing.region.service.RegionComparison;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/figures")
@Tag(name = "Township figures", description = "数据: the township against its county, city and province")
@SecurityRequirement(name = "oidc")
public class TownshipStandingResource {

    @Inject
    RegionComparison comparison;

    @Inject
    RequestLocale locale;

    @GET
    @Path("/standing")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "The township's standing",
            description = "Every figure of the township for a period (2026, 2026-Q4 or 2026-11; default this year), "
                    + "with 环比 and 同比, and per level (county, city, province) the number of townships, the "
                    + "township's rank (1 = best) and the median. Aggregates only.")
    public Standing standing(@PathParam("tenant") String tenant,
                             @QueryParam("period") @Parameter(description = "2026, 2026-Q4 or 2026-11") String period) {
        return comparison.standing(tenant, period, locale.get());
    }

    @GET
    @Path("/trend")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "A figure of the township by month",
            description = "One figure by month up to `to` (YYYY-MM, default this month), `months` months (1–60).")
    public TownshipTrend trend(@PathParam("tenant") String tenant, @QueryParam("figure") String figure,
                               @QueryParam("to") String to, @QueryParam("months") @DefaultValue("12") int months) {
        return comparison.townshipTrend(tenant, figure, to, months, locale.get());
    }
}
