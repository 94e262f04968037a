package cn.fengxing.merchant.resource;

import cn.fengxing.common.geo.NearbyRequest;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.merchant.api.BadgeStatus;
import cn.fengxing.merchant.api.DiscountUseInput;
import cn.fengxing.merchant.api.MerchantCategory;
import cn.fengxing.merchant.api.MerchantInput;
import cn.fengxing.merchant.api.MerchantView;
import cn.fengxing.merchant.api.NearbyMerchant;
import cn.fengxing.merchant.service.MerchantService;
import cn.fengxing.station.api.UsageStats;
import cn.fengxing.station.resource.StationResource;
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

import java.time.LocalDate;
import java.util.List;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.PLATFORM_OPERATOR;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/merchants")
@Tag(name = "Merchants", description = "Partner merchants 骑手友好商家 and the rider discounts they confirm")
@SecurityRequirement(name = "oidc")
public class MerchantResource {

    @Inject
    MerchantService merchants;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "List partner merchants",
            description = "Partner merchants with their confirmed discount counts, by code, paged; filter by category "
                    + "and badge status.")
    public Page<MerchantView> list(@PathParam("tenant") String tenant,
                                   @QueryParam("category") MerchantCategory category,
                                   @QueryParam("badge") BadgeStatus badge,
                                   @BeanParam PageRequest paging) {
        return merchants.list(category, badge, paging.page(), paging.size());
    }

    @GET
    @Path("/nearby")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Nearest partner merchants",
            description = "Partner merchants (badge not revoked) nearest to a WGS84 point, nearest first, with the "
                    + "distance in metres.")
    public List<NearbyMerchant> nearby(@PathParam("tenant") String tenant, @Valid @BeanParam NearbyRequest near) {
        return merchants.nearby(near.lon, near.lat, near.limit);
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Get a partner merchant", description = "One partner merchant with its discount count.")
    public MerchantView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return merchants.get(id);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a partner merchant",
            description = "Adds a merchant; station names the E-station (kind e_station) it also runs, the keeper must "
                    + "be a station_keeper member.")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull MerchantInput input) {
        return Response.status(Response.Status.CREATED).entity(merchants.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a partner merchant",
            description = "Replaces a merchant's fields, including its badge status (none, applied, awarded, revoked).")
    public MerchantView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                               @Valid @NotNull MerchantInput input) {
        return merchants.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a partner merchant",
            description = "Removes a merchant with no confirmed discounts (409 otherwise: revoke its badge instead).")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        merchants.delete(id);
    }

    @POST
    @Path("/{id}/discount-uses")
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "Confirm a rider discount",
            description = "The merchant's keeper (or a tenant admin) scanned the rider's personal code: logs the "
                    + "discount use and shows the rider's name and masked phone. 201 for a new use; a repeat within "
                    + "10 minutes returns the earlier use with 200.")
    public Response confirm(@PathParam("tenant") String tenant, @PathParam("id") long id,
                            @Valid @NotNull DiscountUseInput input) {
        return StationResource.logged(merchants.confirmDiscount(id, input.riderCode(), input.note()));
    }

    @GET
    @Path("/{id}/stats")
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "Merchant discount usage",
            description = "Confirmed discounts and distinct riders per day (township calendar) from–to inclusive, "
                    + "default the last 30 days, at most 366 days. For the merchant's keeper and tenant admins.")
    public UsageStats stats(@PathParam("tenant") String tenant, @PathParam("id") long id,
                            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return merchants.stats(id, from, to);
    }
}
