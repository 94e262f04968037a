package cn.fengxing.grid.service;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import cn.fengxing.tenancy.service.TenantWork;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/README.md): which grid and micro-grid hold a point, in one township of 1,000 grids and 10,000
 * micro-grids (generated with a fixed seed), through the in-memory index against the baseline of reading the
 * candidates and parsing their GeoJSON on every call. Target: ≤ 0.5 ms a lookup.
 */
@QuarkusTest
class GridLocateBench {

    static final String T = "grid-bench";
    static final long SEED = 20261205;
    static final double LON = 120.0;
    static final double LAT = 30.0;
    static final int COLUMNS = 40;
    static final int ROWS = 25;
    static final double CELL = 0.003;
    static final int MICRO = 10;
    /** fengxing.geojson.max-features: the import takes the township in files of at most this many features. */
    static final int FILE = 5000;
    static final int POINTS = 100_000;
    static final int WARM_UP = 20_000;
    /** The service's lookups and the baseline's read rows from the database: fewer of them. */
    static final int FULL_POINTS = 20_000;
    static final int FULL_WARM_UP = 2_000;

    @Inject
    GridIndex index;

    @Inject
    GridService grids;

    @Inject
    TenantWork tenantWork;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Test
    void pointInGrid() throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // the manifest's members and communities, without its sample grid
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(T, LON, LAT));
        manifest.remove("grids");
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + T).then().statusCode(200);
        GeneratedTownship town = new GeneratedTownship(SEED, LON, LAT, COLUMNS, ROWS, CELL, MICRO);
        List<Map<String, Object>> features = new ArrayList<>(town.gridFeatures());
        features.addAll(town.microGridFeatures());
        long started = System.nanoTime();
        for (int from = 0; from < features.size(); from += FILE) {
            List<Map<String, Object>> file = features.subList(from, Math.min(features.size(), from + FILE));
            tenantWork.inTenant(T, () -> grids.importFeatures(
                    json.valueToTree(Map.of("type", "FeatureCollection", "features", file))));
        }
        double importSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(Db.count("select count(*) from grid where tenant_id = '" + T + "'"))
                .isEqualTo((long) COLUMNS * ROWS * (1 + MICRO));

        // the first lookup after a write: every boundary parsed and prepared, the R-tree built
        double buildMs = tenantWork.inTenant(T, () -> {
            long start = System.nanoTime();
            index.current();
            return (System.nanoTime() - start) / 1e6;
        });

        List<double[]> points = town.randomPoints(SEED + 1, POINTS);
        List<double[]> warmUp = town.randomPoints(SEED + 2, WARM_UP);
        List<double[]> fullPoints = points.subList(0, FULL_POINTS);
        List<double[]> fullWarmUp = warmUp.subList(0, FULL_WARM_UP);
        Run memory = tenantWork.inTenant(T, () -> {
            GridIndex.Township township = index.current();
            return measure(warmUp, points, p -> PerCallLocate.Ids.of(township.locate(p[0], p[1])), () -> { });
        });
        Run checked = tenantWork.inTenant(T, () -> measure(warmUp, points,
                p -> PerCallLocate.Ids.of(index.locate(p[0], p[1])), () -> { }));
        Run full = tenantWork.inTenant(T, () -> measure(fullWarmUp, fullPoints, p -> grids.locate(p[0], p[1]),
                em::clear));
        PerCallLocate before = new PerCallLocate(json);
        Run baseline = tenantWork.inTenant(T, () -> measure(fullWarmUp, fullPoints, p -> before.locate(p[0], p[1]),
                em::clear));
        List<?> hits = memory.answers();
        assertThat(hits.subList(0, FULL_POINTS)).as("the same answers as the baseline").isEqualTo(baseline.answers());
        assertThat(checked.answers()).isEqualTo(hits);

        long inMicro = hits.stream().filter(h -> ((PerCallLocate.Ids) h).microGrid() != null).count();
        long outside = hits.stream().filter(h -> ((PerCallLocate.Ids) h).grid() == null).count();
        double[] gridVertices = GeneratedTownship.vertices(town.grids);
        double[] microVertices = GeneratedTownship.vertices(town.microGrids);
        String report = """
                # Point in grid benchmark — %s

                Machine: %d cores, %s, JDK %s; PostgreSQL %s (embedded, default settings); load average %.1f at the start.
                Data: 1 township (seed %d), %,d grids tiling %.2f° × %.2f° (%d–%d vertices, %.0f on average) and
                %,d micro-grids inside them (%d–%d vertices, %.0f on average); imported through the manifest's import in
                %.1f s. Points: random over the township and a 2%% margin around it: %.1f%% in a micro-grid, %.1f%% in
                a grid only, %.1f%% outside every grid. Each lookup timed alone, in one transaction, after %,d warm-up
                lookups (%,d for those reading rows); the index's first build after the import (cold JVM): %.0f ms.

                | lookup | points | p50 ms | p95 ms | p99 ms | max ms |
                |---|---|---|---|---|---|
                | index in memory: R-tree of prepared boundaries | %,d | %.4f | %.4f | %.4f | %.3f |
                | `GridIndex.locate`: the township's grid version read, then the index | %,d | %.4f | %.4f | %.4f | %.3f |
                | `GridService.locate` (report filing, the map): the above and the community's row | %,d | %.4f | %.4f | %.4f | %.3f |
                | baseline: candidates by bounding box read, each one's GeoJSON parsed (before the index) | %,d | %.4f | %.4f | %.4f | %.3f |

                The index and the baseline answered the same grid and micro-grid for all %,d points both looked up.
                """.formatted(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), System.getProperty("java.version"),
                Db.strings("show server_version").get(0), load,
                SEED, town.grids.size(), town.area.getWidth(), town.area.getHeight(),
                (int) gridVertices[0], (int) gridVertices[2], gridVertices[1],
                town.microGrids.size(), (int) microVertices[0], (int) microVertices[2], microVertices[1], importSeconds,
                100.0 * inMicro / POINTS, 100.0 * (POINTS - inMicro - outside) / POINTS, 100.0 * outside / POINTS,
                WARM_UP, FULL_WARM_UP, buildMs,
                POINTS, memory.pct(50), memory.pct(95), memory.pct(99), memory.pct(100),
                POINTS, checked.pct(50), checked.pct(95), checked.pct(99), checked.pct(100),
                FULL_POINTS, full.pct(50), full.pct(95), full.pct(99), full.pct(100),
                FULL_POINTS, baseline.pct(50), baseline.pct(95), baseline.pct(99), baseline.pct(100),
                FULL_POINTS);
        Path out = Path.of("target/bench/grid-locate.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Each lookup's milliseconds, sorted, and the answers in the order of the points. */
    record Run(double[] ms, List<Object> answers) {

        double pct(int p) {
            return ms[Math.min(ms.length - 1, (int) Math.ceil(p / 100.0 * ms.length) - 1)];
        }
    }

    /**
     * Each lookup of the points timed alone, after the warm-up's; {@code between} runs after each, untimed (emptying
     * the persistence context, so every lookup reads its rows as a request of its own would).
     */
    private static Run measure(List<double[]> warmUp, List<double[]> points, Function<double[], Object> lookup,
                               Runnable between) {
        time(warmUp, lookup, between);
        return time(points, lookup, between);
    }

    private static Run time(List<double[]> points, Function<double[], Object> lookup, Runnable between) {
        double[] ms = new double[points.size()];
        List<Object> answers = new ArrayList<>(points.size());
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            Object answer = lookup.apply(points.get(i));
            ms[i] = (System.nanoTime() - start) / 1e6;
            answers.add(answer);
            between.run();
        }
        Arrays.sort(ms);
        return new Run(ms, answers);
    }
}
