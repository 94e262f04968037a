package cn.fengxing.grid.service;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.problem.ProblemException.Violation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads and checks GeoJSON in WGS84: grid boundaries (Polygon/MultiPolygon, closed and valid) and map features. */
@ApplicationScoped
public class Boundaries {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** The names by which a legacy {@code crs} member may say what GeoJSON means anyway: WGS84 longitude, latitude. */
    static final Set<String> WGS84 = Set.of("urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84",
            "CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326");

    @Inject
    ObjectMapper json;

    @Inject
    FengxingConfig config;

    /** Boundary types: an area. */
    public static final Set<String> AREAS = Set.of("Polygon", "MultiPolygon");

    /** A checked boundary (Polygon or MultiPolygon), or null after adding what is wrong with it to {@code violations}. */
    public Geometry read(JsonNode node, String field, List<Violation> violations) {
        return read(node, field, AREAS, violations);
    }

    /**
     * A checked GeoJSON geometry of one of the given types (Point, LineString, Polygon …) in WGS84,
     * or null after adding what is wrong with it to {@code violations}.
     */
    public Geometry read(JsonNode node, String field, Set<String> types, List<Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new Violation(field, "geo.required"));
            return null;
        }
        String type = node.path("type").asText("");
        if (!types.contains(type)) {
            violations.add(new Violation(field, "geo.type", type.isEmpty() ? "?" : type,
                    String.join(", ", new TreeSet<>(types))));
            return null;
        }
        int before = violations.size();
        checkCrs(node.get("crs"), field + ".crs", violations);
        int vertices = positions(node.path("coordinates"));
        if (vertices > config.geojson().maxVertices()) {
            violations.add(new Violation(field, "geo.too-many-vertices", config.geojson().maxVertices(), vertices));
        }
        if (violations.size() > before || AREAS.contains(type) && !closedRings(node, type, field, violations)) {
            return null;
        }
        Geometry geometry;
        try {
            geometry = new GeoJsonReader(FACTORY).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            violations.add(new Violation(field, "geo.invalid-json", e.getMessage()));
            return null;
        }
        Envelope box = geometry.getEnvelopeInternal();
        if (geometry.isEmpty() || box.getMinX() < -180 || box.getMaxX() > 180 || box.getMinY() < -90 || box.getMaxY() > 90) {
            violations.add(new Violation(field, "geo.out-of-range"));
            return null;
        }
        IsValidOp valid = new IsValidOp(geometry);
        if (!valid.isValid()) {
            violations.add(new Violation(field, "geo.invalid", valid.getValidationError().getMessage()));
            return null;
        }
        return geometry;
    }

    /**
     * GeoJSON is WGS84 (RFC 7946); a {@code crs} member of the older specification is accepted only when it names
     * WGS84, since coordinates in another system would be stored as if they were longitude and latitude.
     */
    public static void checkCrs(JsonNode crs, String field, List<Violation> violations) {
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asText("");
        if (!"name".equals(crs.path("type").asText()) || !WGS84.contains(name)) {
            violations.add(new Violation(field, "geo.crs", name.isEmpty() ? crs.toString() : name));
        }
    }

    /** The number of positions in GeoJSON coordinates of any depth. */
    private static int positions(JsonNode coordinates) {
        if (!coordinates.isArray()) {
            return 0;
        }
        if (coordinates.isEmpty() || coordinates.get(0).isNumber()) {
            return 1;
        }
        int n = 0;
        for (JsonNode part : coordinates) {
            n += positions(part);
        }
        return n;
    }

    /** JTS accepts open rings; GeoJSON requires each ring closed and of at least 4 positions. */
    private boolean closedRings(JsonNode node, String type, String field, List<Violation> violations) {
        JsonNode polygons = type.equals("Polygon") ? json.createArrayNode().add(node.path("coordinates"))
                : node.path("coordinates");
        for (JsonNode polygon : polygons) {
            for (JsonNode ring : polygon) {
                if (!ring.isArray() || ring.size() < 4) {
                    violations.add(new Violation(field, "geo.too-few-points"));
                    return false;
                }
                if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                    violations.add(new Violation(field, "geo.not-closed"));
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the node is a GeoJSON FeatureCollection (with a features array, maybe empty). */
    public static boolean isFeatureCollection(JsonNode node) {
        return node != null && "FeatureCollection".equals(node.path("type").asText()) && node.path("features").isArray();
    }

    public Map<String, Object> toMap(JsonNode node) {
        return json.convertValue(node, new TypeReference<>() {
        });
    }

    /** A stored boundary, as its GeoJSON text, back as geometry (stored boundaries were checked on the way in). */
    public static Geometry fromStored(String geoJson) {
        try {
            return new GeoJsonReader(FACTORY).read(geoJson);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored geometry is not GeoJSON", e);
        }
    }

    public static Point point(double lon, double lat) {
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }
}
