package cn.fengxing.points.resource;

import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.points.api.PointsRuleInput;
import cn.fengxing.points.api.PointsRuleView;
import cn.fengxing.points.service.PointsRules;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.PLATFORM_OPERATOR;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/points/rules")
@Tag(name = "Points", description = "Points 爱心积分: rules, awards, the ledger, rewards, redemptions and standings")
@SecurityRequirement(name = "oidc")
public class PointsRuleResource {

    @Inject
    PointsRules rules;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "List the points rules",
            description = "Every action with its rule (configured false: it earns nothing here): points, caps per "
                    + "rider a day and a month, whether awards need approval. Riders read it as how to earn.")
    public List<PointsRuleView> list(@PathParam("tenant") String tenant) {
        return rules.list();
    }

    @PUT
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Set a points rule", description = "Creates or replaces the rule of the body's action.")
    public PointsRuleView put(@PathParam("tenant") String tenant, @Valid @NotNull PointsRuleInput input) {
        return rules.put(input);
    }
}
