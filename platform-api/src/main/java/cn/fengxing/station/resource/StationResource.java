package cn.fengxing.station.resource;

import cn.fengxing.common.geo.NearbyRequest;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.station.api.NearbyStation;
import cn.fengxing.station.api.PosterCode;
import cn.fengxing.station.api.ScanInputs;
import cn.fengxing.station.api.StationInput;
import cn.fengxing.station.api.StationKind;
import cn.fengxing.station.api.StationView;
import cn.fengxing.station.api.UsageStats;
import cn.fengxing.station.service.Scans;
import cn.fengxing.station.service.StationService;
import cn.fengxing.station.service.StationVisits;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api/t/{tenant}/stations")
@Tag(name = "Stations", description = "Rest stations 驿站, E-stations, check-ins and the township's station settings")
@SecurityRequirement(name = "oidc")
public class StationResource {

    @Inject
    StationService stations;

    @Inject
    StationVisits visits;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "List stations",
            description = "Stations, E-stations, fuel-up points and workers' homes with their visit counts, by code, "
                    + "paged; filter by kind, grade and community.")
    public Page<StationView> list(@PathParam("tenant") String tenant,
                                  @QueryParam("kind") StationKind kind,
                                  @QueryParam("grade") @Pattern(regexp = "A|B|C") String grade,
                                  @QueryParam("community") Long community,
                                  @BeanParam PageRequest paging) {
        return stations.list(kind, grade, community, paging.page(), paging.size());
    }

    @GET
    @Path("/nearby")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Nearest stations",
            description = "Active stations nearest to a WGS84 point, nearest first, with the distance in metres and "
                    + "whether each is open now in the township's time zone; openNow=true leaves out closed ones.")
    public List<NearbyStation> nearby(@PathParam("tenant") String tenant, @Valid @BeanParam NearbyRequest near,
                                      @QueryParam("openNow") @DefaultValue("false") boolean openNow) {
        return stations.nearby(near.lon, near.lat, near.limit, openNow);
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Get a station", description = "One station with its amenities, services, hours and visit count.")
    public StationView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return stations.get(id);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a station",
            description = "Adds a station; amenities and services come from the township's station settings, the "
                    + "keeper must be a station_keeper member, and a station of kind station needs a grade.")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull StationInput input) {
        return Response.status(Response.Status.CREATED).entity(stations.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a station", description = "Replaces a station's fields; active=false hides it from riders.")
    public StationView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                              @Valid @NotNull StationInput input) {
        return stations.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a station",
            description = "Removes a station that has no visits and no merchant linked (409 otherwise: deactivate it).")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        stations.delete(id);
    }

    @GET
    @Path("/{id}/poster-code")
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "Station poster code",
            description = "The station's code (a JWS signed by the township, no expiry) to print on its poster as a "
                    + "QR code; riders scan it to check in. For the station's keeper and tenant admins.")
    public PosterCode posterCode(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return stations.posterCode(id);
    }

    @POST
    @Path("/{id}/visits")
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "Check a rider in (keeper scans)",
            description = "The station's keeper (or a tenant admin) scanned the rider's personal code: logs a visit "
                    + "and shows the rider's name and masked phone. 201 for a new visit; a repeat within 10 minutes "
                    + "returns the earlier visit with 200.")
    public Response keeperScan(@PathParam("tenant") String tenant, @PathParam("id") long id,
                               @Valid @NotNull ScanInputs.RiderScan input) {
        return logged(visits.keeperScan(id, input.riderCode()));
    }

    @POST
    @Path("/check-in")
    @TenantAccess(RIDER)
    @Operation(summary = "Check in (rider scans)",
            description = "The rider scanned a station's poster code: logs the caller's visit. 201 for a new visit; a "
                    + "repeat within 10 minutes returns the earlier visit with 200.")
    public Response riderScan(@PathParam("tenant") String tenant, @Valid @NotNull ScanInputs.StationScan input) {
        return logged(visits.riderScan(input.stationCode()));
    }

    @GET
    @Path("/{id}/stats")
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "Station usage",
            description = "Visits and distinct riders per day (township calendar) from–to inclusive, default the "
                    + "last 30 days, at most 366 days. For the station's keeper and tenant admins.")
    public UsageStats stats(@PathParam("tenant") String tenant, @PathParam("id") long id,
                            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return stations.stats(id, from, to);
    }

    public static Response logged(Scans.Logged<?> logged) {
        return Response.status(logged.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(logged.entry()).build();
    }
}
