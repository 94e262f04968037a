package cn.fengxing.grid.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.grid.api.GridInput;
import cn.fengxing.grid.api.GridType;
import cn.fengxing.grid.api.GridView;
import cn.fengxing.grid.api.GridWorkerView;
import cn.fengxing.grid.api.GridWorkersInput;
import cn.fengxing.grid.api.Location;
import cn.fengxing.grid.service.GridService;
import cn.fengxing.identity.access.TenantAccess;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.PLATFORM_OPERATOR;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/grids")
@Tag(name = "Grids", description = "Communities 社区, grids 网格 and micro-grids 微网格 of a township")
@SecurityRequirement(name = "oidc")
public class GridResource {

    @Inject
    GridService grids;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "List grids",
            description = "Grids and micro-grids with their GeoJSON boundaries, by code, paged; filter by community, "
                    + "parent grid, level (grid or micro) and type.")
    public Page<GridView> list(@PathParam("tenant") String tenant,
                               @QueryParam("community") Long community,
                               @QueryParam("parent") Long parent,
                               @QueryParam("level") @Pattern(regexp = "grid|micro") String level,
                               @QueryParam("type") GridType type,
                               @BeanParam PageRequest paging) {
        return grids.grids(community, parent, level, type, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Get a grid", description = "One grid or micro-grid with its boundary.")
    public GridView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return grids.grid(id);
    }

    @GET
    @Path("/locate")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER, PLATFORM_OPERATOR})
    @Operation(summary = "Find the grid holding a point",
            description = "The community, grid and micro-grid whose boundaries contain a WGS84 point (point in "
                    + "polygon); the parts are null where the point lies outside every grid.")
    public Location locate(@PathParam("tenant") String tenant,
                           @QueryParam("lon") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                           @QueryParam("lat") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {
        return grids.locate(lon, lat);
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create a grid",
            description = "Adds a grid, or a micro-grid when parentId names its grid; the boundary must be a closed, "
                    + "valid GeoJSON Polygon or MultiPolygon in WGS84.")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull GridInput input) {
        return Response.status(Response.Status.CREATED).entity(grids.createGrid(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update a grid", description = "Replaces a grid's fields and boundary.")
    public GridView update(@PathParam("tenant") String tenant, @PathParam("id") long id, @Valid @NotNull GridInput input) {
        return grids.updateGrid(id, input);
    }

    @DELETE
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a grid", description = "Removes a grid with no micro-grids left (409 otherwise).")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        grids.deleteGrid(id);
    }

    @GET
    @Path("/{id}/workers")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, PLATFORM_OPERATOR})
    @Operation(summary = "Grid workers of a grid", description = "The grid workers 网格员 assigned to a grid.")
    public List<GridWorkerView> workers(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return grids.workers(id);
    }

    @PUT
    @Path("/{id}/workers")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Assign grid workers",
            description = "Replaces the grid workers 网格员 of a grid; each must be a member of the township with the "
                    + "handler role. Audited.")
    public List<GridWorkerView> assignWorkers(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                              @Valid @NotNull GridWorkersInput input) {
        return grids.assignWorkers(id, input.subjects());
    }

    @POST
    @Path("/import")
    @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Import grid boundaries",
            description = "Imports a GeoJSON FeatureCollection; each feature's properties give code, name, community "
                    + "(code), optional parent (grid code, for a micro-grid), type and households. Grids are matched by "
                    + "code: new ones added, known ones updated. One bad feature rejects the whole file. Limits "
                    + "(fengxing.geojson): a larger file is refused with 413 as it is read, more features or a geometry "
                    + "with more vertices with 400 naming the feature; a crs other than WGS84 with 400.")
    @RequestBody(required = true, description = "GeoJSON FeatureCollection, WGS84",
            content = @Content(schema = @Schema(implementation = JsonNode.class)))
    public Map<String, List<String>> importGeoJson(@PathParam("tenant") String tenant, InputStream collection,
                                                   @Context HttpHeaders headers) {
        return Map.of("changes", grids.importFeatures(collection, headers.getLength()));
    }
}
