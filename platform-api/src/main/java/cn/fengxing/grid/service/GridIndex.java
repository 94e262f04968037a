package cn.fengxing.grid.service;

import cn.fengxing.grid.api.GridView;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which grid and micro-grid hold a point, answered from memory: per township, its grids as the API shows them and
 * their boundaries parsed once into prepared geometries in an R-tree. Every lookup first reads the township's grid
 * version (one key lookup), which the database renews on any write to its grids, whatever the path or the API
 * instance (changelog 020-grid-version), and rebuilds the township's index when the version differs from the one it
 * was built at.
 */
@ApplicationScoped
public class GridIndex {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TenantContext tenant;

    private final Map<String, Township> townships = new ConcurrentHashMap<>();

    /**
     * Where a point falls: the grid and micro-grid holding it (null where none) and how many grids and micro-grids
     * the grid's community has.
     */
    public record Hit(GridView grid, GridView microGrid, long communityGrids) {
    }

    /**
     * The grid and micro-grid of the current township covering a WGS84 point (boundaries included): of several
     * covering it (a point on a shared edge), the one added last (highest id); a micro-grid outside every grid
     * answers its own grid.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Hit locate(double lon, double lat) {
        return current().locate(lon, lat);
    }

    /** The current township's index at its stored version, rebuilt when a write has renewed the version. */
    @Transactional(Transactional.TxType.MANDATORY)
    Township current() {
        String code = tenant.code();
        long version = version(code);
        Township cached = townships.get(code);
        if (cached != null && cached.version == version) {
            return cached;
        }
        // one build at a time: the requests that arrive meanwhile wait for it rather than parse the same rows again
        synchronized (this) {
            cached = townships.get(code);
            if (cached != null && cached.version == version) {
                return cached;
            }
            // rows read after the version, so they are at least as new as it (a newer one only rebuilds once more)
            Township built = new Township(version, grids(code));
            townships.put(code, built);
            return built;
        }
    }

    private long version(String code) {
        List<?> rows = em.createNativeQuery("select version from grid_version where tenant_code = ?1")
                .setParameter(1, code).getResultList();
        // no row: no grid written since versions were kept; any write adds one, from a sequence that never gives 0
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** The township's grids as the API shows them, each with its boundary parsed and prepared. */
    @SuppressWarnings("unchecked")
    private List<Entry> grids(String code) {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, code, name, community_id, parent_id, level, type, households, work_group_link,
                               cast(boundary as text)
                          from grid where tenant_id = ?1""")
                .setParameter(1, code).getResultList();
        PreparedGeometryFactory prepare = new PreparedGeometryFactory();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String boundary = (String) r[9];
            GridView view;
            try {
                view = new GridView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5],
                        (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8],
                        Collections.unmodifiableMap(json.readValue(boundary, MAP)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored boundary is not JSON", e);
            }
            entries.add(new Entry(view, prepare.create(Boundaries.fromStored(boundary))));
        }
        return entries;
    }

    /** A grid or micro-grid and its boundary, prepared for repeated point tests. */
    private record Entry(GridView view, PreparedGeometry boundary) {

        boolean micro() {
            return view.parentId() != null;
        }
    }

    /** One township's grids at one version, in an R-tree by bounding box; read-only once built. */
    static final class Township {

        final long version;
        private final STRtree tree = new STRtree();
        private final Map<Long, GridView> byId = new HashMap<>();
        private final Map<Long, Long> perCommunity = new HashMap<>();

        Township(long version, List<Entry> entries) {
            this.version = version;
            for (Entry e : entries) {
                tree.insert(e.boundary.getGeometry().getEnvelopeInternal(), e);
                byId.put(e.view.id(), e.view);
                perCommunity.merge(e.view.communityId(), 1L, Long::sum);
            }
            // built before it is shared: queries on a built tree only read it
            tree.build();
        }

        Hit locate(double lon, double lat) {
            Point point = Boundaries.point(lon, lat);
            Entry grid = null;
            Entry micro = null;
            for (Object item : tree.query(new Envelope(lon, lon, lat, lat))) {
                Entry e = (Entry) item;
                Entry best = e.micro() ? micro : grid;
                if ((best == null || e.view.id() > best.view.id()) && e.boundary.covers(point)) {
                    if (e.micro()) {
                        micro = e;
                    } else {
                        grid = e;
                    }
                }
            }
            GridView gridView = grid != null ? grid.view : micro != null ? byId.get(micro.view.parentId()) : null;
            if (gridView == null) {
                return new Hit(null, null, 0);
            }
            return new Hit(gridView, micro == null ? null : micro.view, perCommunity.get(gridView.communityId()));
        }
    }
}
