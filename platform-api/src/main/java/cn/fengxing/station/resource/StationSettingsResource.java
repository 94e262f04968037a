package cn.fengxing.station.resource;

import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.station.api.StationSettingsView;
import cn.fengxing.station.api.StationSettingsView.Amenity;
import cn.fengxing.station.api.StationSettingsView.Grade;
import cn.fengxing.station.api.StationSettingsView.Service;
import cn.fengxing.station.service.StationSettingsService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@Path("/api/t/{tenant}/station-settings")
@Tag(name = "Stations", description = "Rest stations 驿站, E-stations, check-ins and the township's station settings")
@SecurityRequirement(name = "oidc")
public class StationSettingsResource {

    @Inject
    StationSettingsService settings;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Station settings",
            description = "The township's grade definitions (A/B/C), amenity list with zh/en labels and the \"1+7+X\" "
                    + "service catalogue (basic services every station offers, extra ones per station). A township "
                    + "starts with defaults.")
    public StationSettingsView get(@PathParam("tenant") String tenant) {
        return settings.get();
    }

    @PUT
    @Path("/grades")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Replace the grade definitions",
            description = "The township's own description of grades A, B and C; a grade still given to a station "
                    + "cannot be removed (409).")
    public StationSettingsView grades(@PathParam("tenant") String tenant,
                                      @NotNull @Size(max = 3) List<@Valid @NotNull Grade> grades) {
        return settings.replaceGrades(grades);
    }

    @PUT
    @Path("/amenities")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Replace the amenity list",
            description = "Amenities stations may offer (code, zh and en labels, priced for meals); an amenity a "
                    + "station still offers cannot be removed (409).")
    public StationSettingsView amenities(@PathParam("tenant") String tenant,
                                         @NotNull @Size(max = 100) List<@Valid @NotNull Amenity> amenities) {
        return settings.replaceAmenities(amenities);
    }

    @PUT
    @Path("/services")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Replace the service catalogue",
            description = "The \"1+7+X\" catalogue: services flagged basic are offered by every station, the others "
                    + "are extras a station lists; an extra still listed by a station cannot be removed (409).")
    public StationSettingsView services(@PathParam("tenant") String tenant,
                                        @NotNull @Size(max = 100) List<@Valid @NotNull Service> services) {
        return settings.replaceServices(services);
    }
}
