package cn.fengxing.grid.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.api.CommunityInput;
import cn.fengxing.grid.api.CommunityView;
import cn.fengxing.grid.api.GridInput;
import cn.fengxing.grid.api.GridType;
import cn.fengxing.grid.api.GridView;
import cn.fengxing.grid.api.GridWorkerView;
import cn.fengxing.grid.api.Location;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.grid.entity.Grid;
import cn.fengxing.grid.entity.GridWorker;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Members;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Communities 社区, grids 网格 and micro-grids 微网格 of the current township. Every method runs in
 * the caller's tenant: Hibernate filters by tenant and row-level security backs it up.
 */
@ApplicationScoped
public class GridService {

    @Inject
    Boundaries boundaries;

    @Inject
    FeatureCollections features;

    @Inject
    GridIndex index;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Inject
    Members members;

    // ---- communities

    @Transactional
    public Page<CommunityView> communities(int page, int size) {
        var query = Community.findAll(Sort.by("code"));
        List<Community> items = query.page(page, size).list();
        return new Page<>(items, page, size, query.count()).map(c -> CommunityView.of(c, gridCount(c.id)));
    }

    @Transactional
    public CommunityView community(long id) {
        Community c = requireCommunity(id);
        return CommunityView.of(c, gridCount(c.id));
    }

    @Transactional
    public CommunityView createCommunity(CommunityInput input) {
        if (Community.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("community.code-taken", input.code());
        }
        Community c = new Community();
        c.code = input.code();
        c.name = input.name();
        c.persist();
        audit.record(tenant.code(), "community.create", c.code, Map.of("name", c.name));
        return CommunityView.of(c, 0);
    }

    @Transactional
    public CommunityView updateCommunity(long id, CommunityInput input) {
        Community c = requireCommunity(id);
        if (!c.code.equals(input.code()) && Community.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("community.code-taken", input.code());
        }
        audit.record(tenant.code(), "community.update", c.code, Map.of("code", input.code(), "name", input.name()));
        c.code = input.code();
        c.name = input.name();
        c.updatedAt = OffsetDateTime.now();
        return CommunityView.of(c, gridCount(c.id));
    }

    @Transactional
    public void deleteCommunity(long id) {
        Community c = requireCommunity(id);
        if (gridCount(c.id) > 0) {
            throw ProblemException.conflict("community.has-grids", c.code);
        }
        c.delete();
        audit.record(tenant.code(), "community.delete", c.code, Map.of());
    }

    /** Adds or renames the manifest's communities; returns one line per change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> applyCommunities(List<CommunityInput> specs) {
        List<String> changes = new ArrayList<>();
        for (CommunityInput spec : specs) {
            Community c = Community.byCode(spec.code()).orElse(null);
            if (c == null) {
                c = new Community();
                c.code = spec.code();
                c.name = spec.name();
                c.persist();
                changes.add("+ community " + c.code);
            } else if (!c.name.equals(spec.name())) {
                changes.add("~ community " + c.code + " name: " + c.name + " -> " + spec.name());
                c.name = spec.name();
                c.updatedAt = OffsetDateTime.now();
            }
        }
        return changes;
    }

    // ---- grids

    @Transactional
    public Page<GridView> grids(Long communityId, Long parentId, String level, GridType type, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (communityId != null) {
            where.append(" and communityId = :community");
            params.and("community", communityId);
        }
        if (parentId != null) {
            where.append(" and parentId = :parent");
            params.and("parent", parentId);
        }
        if (level != null) {
            where.append(" and level = :level");
            params.and("level", level);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.and("type", type.code());
        }
        var query = Grid.find(where.toString(), Sort.by("code"), params);
        return new Page<>(query.page(page, size).<Grid>list(), page, size, query.count()).map(GridView::of);
    }

    @Transactional
    public GridView grid(long id) {
        return GridView.of(requireGrid(id));
    }

    @Transactional
    public GridView createGrid(GridInput input) {
        if (Grid.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("grid.code-taken", input.code());
        }
        Grid g = new Grid();
        write(g, input);
        g.persist();
        audit.record(tenant.code(), "grid.create", g.code, Map.of("name", g.name, "level", g.level));
        return GridView.of(g);
    }

    @Transactional
    public GridView updateGrid(long id, GridInput input) {
        Grid g = requireGrid(id);
        if (!g.code.equals(input.code()) && Grid.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("grid.code-taken", input.code());
        }
        if (Objects.equals(input.parentId(), g.id)) {
            throw ProblemException.badRequest("grid.parent-itself");
        }
        if (input.parentId() != null && Grid.count("parentId", g.id) > 0) {
            throw ProblemException.conflict("grid.has-micro-grids", g.code);
        }
        write(g, input);
        g.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "grid.update", g.code, Map.of("name", g.name, "level", g.level));
        return GridView.of(g);
    }

    @Transactional
    public void deleteGrid(long id) {
        Grid g = requireGrid(id);
        if (Grid.count("parentId", g.id) > 0) {
            throw ProblemException.conflict("grid.has-micro-grids", g.code);
        }
        g.delete();
        audit.record(tenant.code(), "grid.delete", g.code, Map.of());
    }

    /**
     * Imports an uploaded GeoJSON FeatureCollection of grids and micro-grids, matched by code: new codes are added,
     * known ones updated. The upload is read and every feature checked (within the GeoJSON limits) before the
     * transaction starts; one bad feature rejects the file and nothing is written.
     */
    public List<String> importFeatures(InputStream upload, long declaredLength) {
        Specs specs = new Specs();
        features.read(upload, declaredLength, specs, specs.violations);
        return QuarkusTransaction.joiningExisting().call(() -> write(specs));
    }

    /** Imports a FeatureCollection that is already a tree (manifest section {@code grids}). */
    @Transactional
    public List<String> importFeatures(JsonNode collection) {
        Specs specs = new Specs();
        features.read(collection, specs, specs.violations);
        return write(specs);
    }

    /** The checked features of an import by code, and what is wrong with the file. */
    private final class Specs implements FeatureCollections.Visitor {
        final Map<String, FeatureSpec> byCode = new LinkedHashMap<>();
        final List<Violation> violations = new ArrayList<>();

        @Override
        public void feature(int index, JsonNode feature) {
            FeatureSpec spec = FeatureSpec.read(feature, "features[" + index + "]", boundaries, violations);
            if (spec != null && byCode.putIfAbsent(spec.code, spec) != null) {
                violations.add(new Violation(spec.field + ".properties.code", "geo.duplicate-code", spec.code));
            }
        }
    }

    /** Writes checked features with two queries up front and none per feature, so a large file is quick. */
    private List<String> write(Specs specs) {
        Map<String, FeatureSpec> byCode = specs.byCode;
        List<Violation> violations = specs.violations;
        Map<String, Community> communities = new HashMap<>();
        Map<Long, Community> communitiesById = new HashMap<>();
        for (Community c : Community.<Community>listAll()) {
            communities.put(c.code, c);
            communitiesById.put(c.id, c);
        }
        List<Map<String, String>> handlerCache = new ArrayList<>();
        Map<String, Grid> stored = new HashMap<>();
        // read-only: no snapshot to copy and compare at commit for the many a large file leaves unchanged
        for (Grid g : Grid.<Grid>findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list()) {
            stored.put(g.code, g);
        }
        for (FeatureSpec spec : byCode.values()) {
            if (!communities.containsKey(spec.community)) {
                violations.add(new Violation(spec.field + ".properties.community", "community.unknown", spec.community));
            }
            if (spec.parent != null) {
                checkParent(spec, byCode, stored, communitiesById, violations);
            }
            if (spec.workers != null) {
                // the console's rule: a grid worker is a member of the township holding the handler role
                Map<String, String> handlers = handlers(handlerCache);
                for (int i = 0; i < spec.workers.size(); i++) {
                    if (!handlers.containsKey(spec.workers.get(i))) {
                        violations.add(new Violation(spec.field + ".properties.workers[" + i + "]",
                                "grid.worker-not-handler", spec.workers.get(i)));
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> changes = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        stored.forEach((code, g) -> ids.put(code, g.id));
        // grids before micro-grids, so every parent has its id when its children are written
        for (boolean micro : new boolean[] {false, true}) {
            List<Grid> added = new ArrayList<>();
            for (FeatureSpec spec : byCode.values()) {
                if ((spec.parent != null) != micro) {
                    continue;
                }
                GridInput input = new GridInput(spec.code, spec.name, communities.get(spec.community).id,
                        spec.parent == null ? null : ids.get(spec.parent), spec.type, spec.households,
                        spec.workGroupLink, spec.boundary);
                Grid g = stored.get(spec.code);
                if (g == null) {
                    g = new Grid();
                    write(g, input, spec.geometry);
                    added.add(g);
                    changes.add("+ grid " + spec.code);
                } else if (!same(g, input)) {
                    Grid.getSession().setReadOnly(g, false);
                    write(g, input, spec.geometry);
                    g.updatedAt = OffsetDateTime.now();
                    changes.add("~ grid " + spec.code);
                }
            }
            ids.putAll(insert(added));
        }
        for (FeatureSpec spec : byCode.values()) {
            if (spec.workers != null && assignImported(ids.get(spec.code), spec.workers)) {
                changes.add("~ grid workers " + spec.code);
            }
        }
        if (!changes.isEmpty()) {
            audit.record(tenant.code(), "grid.import", null, Map.of("features", byCode.size(), "changes", changes.size()));
        }
        return changes;
    }

    /** Whether the township has drawn any grid (else its boundary is not known). */
    @Transactional
    public boolean anyGrid() {
        return Grid.count() > 0;
    }

    /** The grid (and micro-grid) containing a WGS84 point; null parts where none is drawn. */
    @Transactional
    public Location locate(double lon, double lat) {
        GridIndex.Hit hit = index.locate(lon, lat);
        if (hit.grid() == null) {
            return new Location(lon, lat, null, null, null);
        }
        // communities are not in the index: renaming one does not renew the grid version
        Community c = Community.findById(hit.grid().communityId());
        return new Location(lon, lat, CommunityView.of(c, hit.communityGrids()), hit.grid(), hit.microGrid());
    }

    /**
     * Adds new grids in one statement, however many an import brings (one insert each would take a round trip
     * each: minutes for a large file); returns their ids by code.
     */
    private Map<String, Long> insert(List<Grid> grids) {
        Map<String, Long> ids = new HashMap<>();
        if (grids.isEmpty()) {
            return ids;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Grid g : grids) {
            Map<String, Object> row = new HashMap<>();
            row.put("community_id", g.communityId);
            row.put("parent_id", g.parentId);
            row.put("code", g.code);
            row.put("name", g.name);
            row.put("level", g.level);
            row.put("type", g.type);
            row.put("households", g.households);
            row.put("work_group_link", g.workGroupLink);
            row.put("boundary", g.boundary);
            row.put("min_lon", g.minLon);
            row.put("min_lat", g.minLat);
            row.put("max_lon", g.maxLon);
            row.put("max_lat", g.maxLat);
            rows.add(row);
        }
        String text;
        try {
            text = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Grid rows are plain values", e);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> inserted = Grid.getEntityManager().createNativeQuery("""
                        insert into grid (tenant_id, community_id, parent_id, code, name, level, type, households,
                                          work_group_link, boundary, min_lon, min_lat, max_lon, max_lat)
                        select :tenant, r.community_id, r.parent_id, r.code, r.name, r.level, r.type, r.households,
                               r.work_group_link, r.boundary, r.min_lon, r.min_lat, r.max_lon, r.max_lat
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(community_id bigint, parent_id bigint,
                               code text, name text, level text, type text, households integer, work_group_link text,
                               boundary jsonb, min_lon float8, min_lat float8, max_lon float8, max_lat float8)
                        returning code, id""")
                .setParameter("tenant", tenant.code()).setParameter("rows", text).getResultList();
        for (Object[] r : inserted) {
            ids.put((String) r[0], ((Number) r[1]).longValue());
        }
        return ids;
    }

    /** A micro-grid's parent is a grid (not a micro-grid) of the same community, in the file or stored. */
    private static void checkParent(FeatureSpec spec, Map<String, FeatureSpec> inFile, Map<String, Grid> stored,
                                    Map<Long, Community> communities, List<Violation> violations) {
        String field = spec.field + ".properties.parent";
        FeatureSpec fileParent = inFile.get(spec.parent);
        Grid storedParent = fileParent == null ? stored.get(spec.parent) : null;
        if (fileParent == null && storedParent == null) {
            violations.add(new Violation(field, "geo.unknown-parent", spec.parent));
            return;
        }
        boolean parentIsGrid = fileParent != null ? fileParent.parent == null : Grid.LEVEL_GRID.equals(storedParent.level);
        String parentCommunity = fileParent != null ? fileParent.community
                : communities.get(storedParent.communityId).code;
        if (!parentIsGrid) {
            violations.add(new Violation(field, "grid.parent-level"));
        } else if (!parentCommunity.equals(spec.community)) {
            violations.add(new Violation(field, "grid.parent-community"));
        }
    }

    // ---- grid workers 网格员

    @Transactional
    public List<GridWorkerView> workers(long gridId) {
        requireGrid(gridId);
        Map<String, String> names = handlerNames();
        return GridWorker.<GridWorker>list("gridId = ?1 order by subject", gridId).stream()
                .map(w -> new GridWorkerView(w.subject, names.get(w.subject))).toList();
    }

    /** Replaces the grid's workers; each must be a member of the township holding the handler role. */
    @Transactional
    public List<GridWorkerView> assignWorkers(long gridId, List<String> subjects) {
        Grid g = requireGrid(gridId);
        Map<String, String> handlers = handlerNames();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            if (!handlers.containsKey(subjects.get(i))) {
                violations.add(new Violation("subjects[" + i + "]", "grid.worker-not-handler", subjects.get(i)));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        replaceWorkers(gridId, subjects.stream().distinct().toList());
        audit.record(tenant.code(), "grid.workers", g.code, Map.of("subjects", subjects));
        return workers(gridId);
    }

    /** Names of the township's members who hold the handler role, by subject. */
    /** The township's handlers, read once per import (the cache holds them after the first call). */
    private Map<String, String> handlers(List<Map<String, String>> cache) {
        if (cache.isEmpty()) {
            cache.add(handlerNames());
        }
        return cache.get(0);
    }

    /** Sets an imported grid's workers when they differ from its stored ones; whether they did. */
    private boolean assignImported(long gridId, List<String> subjects) {
        List<String> current = GridWorker.<GridWorker>list("gridId = ?1 order by subject", gridId).stream()
                .map(w -> w.subject).sorted().toList();
        if (current.equals(subjects)) {
            return false;
        }
        replaceWorkers(gridId, subjects);
        return true;
    }

    private static void replaceWorkers(long gridId, List<String> subjects) {
        GridWorker.delete("gridId", gridId);
        for (String subject : subjects) {
            GridWorker w = new GridWorker();
            w.gridId = gridId;
            w.subject = subject;
            w.persist();
        }
    }

    private Map<String, String> handlerNames() {
        return members.namesHolding(tenant.code(), Role.HANDLER);
    }

    // ---- shared

    private void write(Grid g, GridInput input) {
        List<Violation> violations = new ArrayList<>();
        Geometry geometry = boundaries.read(input.boundary(), "boundary", violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        requireCommunity(input.communityId());
        if (input.parentId() != null) {
            Grid parent = requireGrid(input.parentId());
            if (!Grid.LEVEL_GRID.equals(parent.level)) {
                throw ProblemException.badRequest("grid.parent-level");
            }
            if (!parent.communityId.equals(input.communityId())) {
                throw ProblemException.badRequest("grid.parent-community");
            }
        }
        write(g, input, geometry);
    }

    private void write(Grid g, GridInput input, Geometry geometry) {
        g.code = input.code();
        g.name = input.name();
        g.communityId = input.communityId();
        g.parentId = input.parentId();
        g.level = input.parentId() == null ? Grid.LEVEL_GRID : Grid.LEVEL_MICRO;
        g.type = input.type().code();
        g.households = input.households();
        g.workGroupLink = input.workGroupLink();
        g.boundary = boundaries.toMap(input.boundary());
        Envelope box = geometry.getEnvelopeInternal();
        g.minLon = box.getMinX();
        g.minLat = box.getMinY();
        g.maxLon = box.getMaxX();
        g.maxLat = box.getMaxY();
    }

    private boolean same(Grid g, GridInput in) {
        return g.name.equals(in.name()) && g.communityId.equals(in.communityId())
                && Objects.equals(g.parentId, in.parentId()) && g.type.equals(in.type().code())
                && Objects.equals(g.households, in.households()) && Objects.equals(g.workGroupLink, in.workGroupLink())
                && g.boundary.equals(boundaries.toMap(in.boundary()));
    }

    private static long gridCount(long communityId) {
        return Grid.count("communityId", communityId);
    }

    private static Community requireCommunity(long id) {
        return Community.<Community>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("community.unknown", id));
    }

    private static Grid requireGrid(long id) {
        return Grid.<Grid>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("grid.unknown", id));
    }

    /** One feature of an imported FeatureCollection, checked. */
    private record FeatureSpec(String field, String code, String name, String community, String parent, GridType type,
                               Integer households, String workGroupLink, JsonNode boundary, Geometry geometry,
                               List<String> workers) {

        static FeatureSpec read(JsonNode feature, String field, Boundaries boundaries, List<Violation> violations) {
            JsonNode p = feature.path("properties");
            int before = violations.size();
            String code = required(p, "code", field, violations);
            String name = required(p, "name", field, violations);
            String community = required(p, "community", field, violations);
            String typeText = p.path("type").asText(GridType.basic.code());
            GridType type = null;
            try {
                type = GridType.valueOf(typeText);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(field + ".properties.type", "geo.feature-property", "type"));
            }
            JsonNode households = p.path("households");
            if (!households.isMissingNode() && !households.isNull() && !(households.canConvertToInt() && households.asInt() >= 0)) {
                violations.add(new Violation(field + ".properties.households", "geo.feature-property", "households"));
            }
            List<String> workers = workers(p.get("workers"), field, violations);
            Boundaries.checkCrs(feature.get("crs"), field + ".crs", violations);
            Geometry geometry = boundaries.read(feature.get("geometry"), field + ".geometry", violations);
            if (violations.size() > before) {
                return null;
            }
            String parent = p.hasNonNull("parent") ? p.get("parent").asText() : null;
            return new FeatureSpec(field, code, name, community, parent, type,
                    households.isNumber() ? households.asInt() : null,
                    p.hasNonNull("workGroupLink") ? p.get("workGroupLink").asText() : null,
                    feature.get("geometry"), geometry, workers);
        }

        /** The grid's workers 网格员 (subjects), when the feature names them: a list of texts; else null. */
        private static List<String> workers(JsonNode node, String field, List<Violation> violations) {
            if (node == null || node.isNull()) {
                return null;
            }
            List<String> subjects = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(w -> subjects.add(w.isTextual() ? w.asText().strip() : ""));
            }
            if (!node.isArray() || node.size() > 100 || subjects.stream().anyMatch(w -> w.isEmpty() || w.length() > 255)) {
                violations.add(new Violation(field + ".properties.workers", "geo.feature-property", "workers"));
                return null;
            }
            return subjects.stream().distinct().sorted().toList();
        }

        private static String required(JsonNode p, String name, String field, List<Violation> violations) {
            String value = p.path(name).asText("").strip();
            if (value.isEmpty()) {
                violations.add(new Violation(field + ".properties." + name, "geo.feature-property", name));
            }
            return value;
        }
    }
}
