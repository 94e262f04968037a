package cn.fengxing.grid.service;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A township's grids and micro-grids, generated the same for the same seed, for tests and benchmarks: grids tiling a
 * rectangle (Voronoi cells of jittered sites, their edges densified and bent by one smooth warp of the plane, so
 * neighbours share their vertices and edges stay irregular), and in each grid its micro-grids (Voronoi cells of
 * random sites inside it, shrunk towards their centre, so a grid's gaps between them hold no micro-grid).
 */
final class GeneratedTownship {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    /** Stored boundaries are drawn to about a centimetre. */
    private static final double DECIMALS = 1e7;
    private static final double MICRO_SHRINK = 0.92;

    final Envelope area;
    final List<Polygon> grids = new ArrayList<>();
    /** Each micro-grid's grid, by its index in {@link #grids}. */
    final List<Integer> parents = new ArrayList<>();
    final List<Polygon> microGrids = new ArrayList<>();

    private final double wave;
    private final double amplitude;
    private final double phaseX;
    private final double phaseY;

    /**
     * {@code columns × rows} grids of {@code cell} degrees on average from ({@code lon}, {@code lat}), each with
     * {@code micro} micro-grids; edges densified to segments of at most a tenth of a cell, so a grid has about 20–60
     * vertices.
     */
    GeneratedTownship(long seed, double lon, double lat, int columns, int rows, double cell, int micro) {
        Random random = new Random(seed);
        area = new Envelope(lon, lon + columns * cell, lat, lat + rows * cell);
        wave = 2 * cell;
        // slopes of at most a half: the warp folds nothing, so every polygon stays valid
        amplitude = 0.5 * wave / (2 * Math.PI);
        phaseX = random.nextDouble() * 2 * Math.PI;
        phaseY = random.nextDouble() * 2 * Math.PI;
        double segment = cell / 10;
        List<Coordinate> sites = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                sites.add(new Coordinate(lon + (c + 0.5 + 0.8 * (random.nextDouble() - 0.5)) * cell,
                        lat + (r + 0.5 + 0.8 * (random.nextDouble() - 0.5)) * cell));
            }
        }
        for (Polygon cellShape : voronoi(sites, area)) {
            grids.add(finish(cellShape, segment));
            Envelope box = cellShape.getEnvelopeInternal();
            List<Coordinate> inside = new ArrayList<>();
            while (inside.size() < micro) {
                Coordinate p = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                        box.getMinY() + random.nextDouble() * box.getHeight());
                if (cellShape.contains(FACTORY.createPoint(p))) {
                    inside.add(p);
                }
            }
            for (Polygon part : voronoi(inside, box)) {
                Geometry clipped = part.intersection(cellShape);
                Coordinate centre = clipped.getCentroid().getCoordinate();
                Geometry shrunk = AffineTransformation.scaleInstance(MICRO_SHRINK, MICRO_SHRINK, centre.x, centre.y)
                        .transform(clipped);
                microGrids.add(finish((Polygon) shrunk, segment));
                parents.add(grids.size() - 1);
            }
        }
    }

    /** Voronoi cells of the sites, clipped to the box. */
    private static List<Polygon> voronoi(List<Coordinate> sites, Envelope box) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(box);
        Geometry cells = builder.getDiagram(FACTORY);
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            out.add((Polygon) cells.getGeometryN(i));
        }
        return out;
    }

    /** Densified, warped and rounded as stored. */
    private Polygon finish(Polygon shape, double segment) {
        // warped in place: a copy, so the cell's micro-grids are cut from the cell as it was
        Geometry g = Densifier.densify(shape, segment).copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                seq.setOrdinate(i, 0, round(x + amplitude * Math.sin(2 * Math.PI * y / wave + phaseX)));
                seq.setOrdinate(i, 1, round(y + amplitude * Math.sin(2 * Math.PI * x / wave + phaseY)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return (Polygon) g;
    }

    private static double round(double degrees) {
        return Math.round(degrees * DECIMALS) / DECIMALS;
    }

    /** Codes: grid {@code g0001}, its micro-grids {@code g0001-m01} …; grids alternate between communities c1, c2. */
    static String gridCode(int grid) {
        return "g%04d".formatted(grid + 1);
    }

    /** GeoJSON features of an import: the grids … */
    List<Map<String, Object>> gridFeatures() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            out.add(feature(gridCode(i), "网格" + (i + 1), "c" + (1 + i % 2), null, grids.get(i)));
        }
        return out;
    }

    /** … and the micro-grids, each under its grid. */
    List<Map<String, Object>> microGridFeatures() {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int i = 0; i < microGrids.size(); i++) {
            int parent = parents.get(i);
            int n = numbers.merge(parent, 1, Integer::sum);
            out.add(feature(gridCode(parent) + "-m%02d".formatted(n), "微网格" + (parent + 1) + "-" + n,
                    "c" + (1 + parent % 2), gridCode(parent), microGrids.get(i)));
        }
        return out;
    }

    private static Map<String, Object> feature(String code, String name, String community, String parent, Polygon p) {
        Map<String, Object> properties = new HashMap<>(Map.of("code", code, "name", name, "community", community,
                "type", "basic", "households", 40));
        if (parent != null) {
            properties.put("parent", parent);
        }
        List<List<Double>> ring = new ArrayList<>();
        for (Coordinate c : p.getExteriorRing().getCoordinates()) {
            ring.add(List.of(c.x, c.y));
        }
        return Map.of("type", "Feature", "properties", properties,
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)));
    }

    /** Random points over the area and a margin around it (so some fall outside every grid), reproducibly. */
    List<double[]> randomPoints(long seed, int count) {
        Random random = new Random(seed);
        Envelope around = new Envelope(area);
        around.expandBy(area.getWidth() * 0.02, area.getHeight() * 0.02);
        List<double[]> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(new double[] {around.getMinX() + random.nextDouble() * around.getWidth(),
                    around.getMinY() + random.nextDouble() * around.getHeight()});
        }
        return points;
    }

    /** Every vertex of every boundary: points on edges, most shared by two or three grids or micro-grids. */
    List<double[]> vertices() {
        Set<Coordinate> all = new LinkedHashSet<>();
        for (List<Polygon> polygons : List.of(grids, microGrids)) {
            for (Polygon p : polygons) {
                all.addAll(List.of(p.getCoordinates()));
            }
        }
        return all.stream().map(c -> new double[] {c.x, c.y}).toList();
    }

    /** Vertices per polygon: least, mean, most. */
    static double[] vertices(List<Polygon> polygons) {
        var stats = polygons.stream().mapToInt(p -> p.getNumPoints() - 1).summaryStatistics();
        return new double[] {stats.getMin(), stats.getAverage(), stats.getMax()};
    }
}
