package cn.fengxing.points.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.points.api.AwardInput;
import cn.fengxing.points.api.AwardResult;
import cn.fengxing.points.api.CorrectionInput;
import cn.fengxing.points.api.DecisionInput;
import cn.fengxing.points.api.LeaderboardRow;
import cn.fengxing.points.api.PointsClaimView;
import cn.fengxing.points.api.PointsEntryView;
import cn.fengxing.points.api.PointsStanding;
import cn.fengxing.points.service.PointsAwards;
import cn.fengxing.points.service.PointsStandings;
import cn.fengxing.rider.service.RiderCodes;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
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

@Path("/api/t/{tenant}/points")
@Tag(name = "Points")
@SecurityRequirement(name = "oidc")
public class PointsResource {

    static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    @Inject
    PointsAwards awards;

    @Inject
    PointsStandings standings;

    @Inject
    RiderCodes riders;

    @POST
    @Path("/awards")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER})
    @Operation(summary = "Award points by hand",
            description = "Awards a rider the action's points (manual: the points given, up to the rule's) with a "
                    + "reason. 201 with the entry when written (capped: fewer than asked, a cap held); 202 with a "
                    + "claim when the rule needs approval and the caller is not a tenant admin. 409 when the action "
                    + "has no active rule or the rider's cap is reached. A retry with the same requestId awards once.")
    public Response award(@PathParam("tenant") String tenant, @Valid @NotNull AwardInput input) {
        AwardResult result = awards.award(input);
        return Response.status(result.entry() != null ? Response.Status.CREATED : Response.Status.ACCEPTED)
                .entity(result).build();
    }

    @POST
    @Path("/corrections")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Correct a rider's points",
            description = "A new ledger entry of either sign with its reason (the ledger is never edited); 409 when "
                    + "it would take the balance below zero. A retry with the same requestId corrects once.")
    public Response correct(@PathParam("tenant") String tenant, @Valid @NotNull CorrectionInput input) {
        return Response.status(Response.Status.CREATED).entity(awards.correct(input)).build();
    }

    @GET
    @Path("/claims")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "The approval queue",
            description = "Awards by status (default pending, oldest first), with the rider, squad and who proposed.")
    public Page<PointsClaimView> claims(@PathParam("tenant") String tenant,
                                        @QueryParam("status") @Pattern(regexp = "^(pending|approved|declined)$")
                                        String status, @BeanParam PageRequest paging) {
        return awards.claims(status, paging.page(), paging.size());
    }

    @POST
    @Path("/claims/{id}/approve")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Approve an award",
            description = "Writes the waiting award, within the caps of the day it was proposed (409 when they are "
                    + "reached, or when the award was decided already).")
    public AwardResult approve(@PathParam("tenant") String tenant, @PathParam("id") long id,
                               @Valid DecisionInput input) {
        return awards.approve(id, input == null ? null : input.note());
    }

    @POST
    @Path("/claims/{id}/decline")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Decline an award", description = "Closes the waiting award with a note; no points.")
    public PointsClaimView decline(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                   @Valid DecisionInput input) {
        return awards.decline(id, input == null ? null : input.note());
    }

    @GET
    @Path("/entries")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "The points ledger", description = "Entries newest first, of one rider or of everyone.")
    public Page<PointsEntryView> entries(@PathParam("tenant") String tenant, @QueryParam("rider") Long rider,
                                         @BeanParam PageRequest paging) {
        return awards.entries(rider, paging.page(), paging.size());
    }

    @GET
    @Path("/me")
    @TenantAccess(RIDER)
    @Operation(summary = "My points", description = "The signed-in rider's balance, points this month and ranks.")
    public PointsStanding mine(@PathParam("tenant") String tenant) {
        return standings.mine();
    }

    @GET
    @Path("/me/entries")
    @TenantAccess(RIDER)
    @Operation(summary = "My points history", description = "The signed-in rider's ledger entries, newest first.")
    public Page<PointsEntryView> myEntries(@PathParam("tenant") String tenant, @BeanParam PageRequest paging) {
        return awards.entries(riders.current().id, paging.page(), paging.size());
    }

    @GET
    @Path("/leaderboard")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Riders' leaderboard",
            description = "Riders by points earned in a month of the township's calendar (default this month), in "
                    + "the township or one squad; ties share a rank.")
    public List<LeaderboardRow> leaderboard(@PathParam("tenant") String tenant,
                                            @QueryParam("month") @Pattern(regexp = MONTH) String month,
                                            @QueryParam("squad") Long squad,
                                            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return standings.riders(month, squad, limit);
    }

    @GET
    @Path("/leaderboard/squads")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Squads' leaderboard", description = "Squads by points their riders earned in a month.")
    public List<LeaderboardRow> squads(@PathParam("tenant") String tenant,
                                       @QueryParam("month") @Pattern(regexp = MONTH) String month,
                                       @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return standings.squads(month, limit);
    }
}
