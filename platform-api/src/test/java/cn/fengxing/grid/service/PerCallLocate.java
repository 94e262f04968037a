package cn.fengxing.grid.service;

import cn.fengxing.grid.entity.Grid;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.util.List;

/**
 * The lookup as it was before {@link GridIndex}, kept as the reference of its test and the baseline of its benchmark:
 * the grids whose bounding box holds the point read from the database, and every one's stored GeoJSON parsed again
 * on every call. Its query had no order, so a point on an edge went to whichever row came last; here rows come in
 * id order, the tie rule of {@link GridIndex}. Runs in the caller's transaction and township.
 */
final class PerCallLocate {

    private final ObjectMapper json;

    PerCallLocate(ObjectMapper json) {
        this.json = json;
    }

    /** The ids of an answer's grid and micro-grid, null where none. */
    record Ids(Long grid, Long microGrid) {

        static Ids of(GridIndex.Hit hit) {
            return new Ids(hit.grid() == null ? null : hit.grid().id(),
                    hit.microGrid() == null ? null : hit.microGrid().id());
        }
    }

    Ids locate(double lon, double lat) {
        Point point = Boundaries.point(lon, lat);
        List<Grid> candidates = Grid.list(
                "minLon <= ?1 and maxLon >= ?1 and minLat <= ?2 and maxLat >= ?2 order by id", lon, lat);
        Grid grid = null;
        Grid micro = null;
        for (Grid g : candidates) {
            if (parse(g).covers(point)) {
                if (Grid.LEVEL_MICRO.equals(g.level)) {
                    micro = g;
                } else {
                    grid = g;
                }
            }
        }
        Long gridId = grid != null ? grid.id : micro != null ? micro.parentId : null;
        return new Ids(gridId, micro == null ? null : micro.id);
    }

    private Geometry parse(Grid g) {
        try {
            return new GeoJsonReader().read(json.writeValueAsString(g.boundary));
        } catch (ParseException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
