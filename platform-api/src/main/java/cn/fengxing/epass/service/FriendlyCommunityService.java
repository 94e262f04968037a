package cn.fengxing.epass.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.epass.api.FriendlyCommunityInput;
import cn.fengxing.epass.api.FriendlyCommunitySpec;
import cn.fengxing.epass.api.FriendlyCommunityView;
import cn.fengxing.epass.entity.Epass;
import cn.fengxing.epass.entity.EpassCommunity;
import cn.fengxing.epass.entity.FriendlyCommunity;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.grid.service.Boundaries;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Rider-friendly communities 骑手友好小区 of the current township and their maps. */
@ApplicationScoped
public class FriendlyCommunityService {

    /**
     * What a map feature marks, and the geometries that make sense for it: a gate or a unit door is a
     * point a rider walks to; a building, a facility or rider parking may be outlined (parking also as
     * a kerbside strip); a landmark may be a point, a path or an area.
     */
    public static final Map<String, Set<String>> KINDS = Map.of(
            "entrance", Set.of("Point"),
            "unit", Set.of("Point"),
            "building", Set.of("Point", "Polygon"),
            "facility", Set.of("Point", "Polygon"),
            "parking", Set.of("Point", "LineString", "Polygon"),
            "landmark", Set.of("Point", "LineString", "Polygon"));
    static final Set<String> ANY_GEOMETRY = Set.of("Point", "LineString", "Polygon");
    static final int MAX_FEATURES = 500;

    @Inject
    Boundaries boundaries;

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Transactional
    public Page<FriendlyCommunityView> list(Long communityId, int page, int size) {
        var query = communityId == null ? FriendlyCommunity.findAll(Sort.by("code"))
                : FriendlyCommunity.find("communityId", Sort.by("code"), communityId);
        List<FriendlyCommunity> items = query.page(page, size).list();
        Map<Long, Long> passes = activeEpasses(items.stream().map(f -> f.id).toList());
        return new Page<>(items, page, size, query.count())
                .map(f -> FriendlyCommunityView.of(f, passes.getOrDefault(f.id, 0L)));
    }

    @Transactional
    public FriendlyCommunityView get(long id) {
        return view(require(id));
    }

    @Transactional
    public FriendlyCommunityView create(FriendlyCommunityInput input) {
        if (FriendlyCommunity.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("friendly.code-taken", input.code());
        }
        FriendlyCommunity f = new FriendlyCommunity();
        write(f, input);
        f.persist();
        audit.record(tenant.code(), "friendly.create", f.code, Map.of("name", f.name));
        return view(f);
    }

    @Transactional
    public FriendlyCommunityView update(long id, FriendlyCommunityInput input) {
        FriendlyCommunity f = require(id);
        if (!f.code.equals(input.code()) && FriendlyCommunity.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("friendly.code-taken", input.code());
        }
        write(f, input);
        f.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "friendly.update", f.code, Map.of("name", f.name));
        return view(f);
    }

    @Transactional
    public void delete(long id) {
        FriendlyCommunity f = require(id);
        if (EpassCommunity.count("friendlyCommunityId", f.id) > 0) {
            throw ProblemException.conflict("friendly.has-epasses", f.code);
        }
        f.delete();
        audit.record(tenant.code(), "friendly.delete", f.code, Map.of());
    }

    /** Adds or updates the manifest's friendly communities by code; every entry is checked before any is written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(String key, List<FriendlyCommunitySpec> specs) {
        List<Violation> violations = new ArrayList<>();
        List<FriendlyCommunityInput> inputs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            FriendlyCommunitySpec s = specs.get(i);
            String field = key + "[" + i + "]";
            Long communityId = null;
            if (s.community() != null) {
                communityId = Community.byCode(s.community()).map(c -> c.id).orElse(null);
                if (communityId == null) {
                    violations.add(new Violation(field + ".community", "community.unknown", s.community()));
                }
            }
            checkMap(s.map(), field + ".map", violations);
            inputs.add(new FriendlyCommunityInput(s.code(), s.name(), communityId, s.address(), s.lon(), s.lat(), s.map(),
                    s.notes()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> changes = new ArrayList<>();
        for (FriendlyCommunityInput in : inputs) {
            FriendlyCommunity f = FriendlyCommunity.byCode(in.code()).orElse(null);
            if (f == null) {
                f = new FriendlyCommunity();
                copy(f, in);
                f.persist();
                changes.add("+ friendly community " + in.code());
            } else if (!same(f, in)) {
                copy(f, in);
                f.updatedAt = OffsetDateTime.now();
                changes.add("~ friendly community " + in.code());
            }
        }
        return changes;
    }

    /**
     * Checks a map: a GeoJSON FeatureCollection of Point, LineString and Polygon features in WGS84,
     * each with a known {@code properties.kind}, a geometry that fits the kind and a {@code properties.label}.
     * Each violation names the feature by its index.
     */
    void checkMap(JsonNode map, String field, List<Violation> violations) {
        if (!Boundaries.isFeatureCollection(map)) {
            violations.add(new Violation(field, "friendly.map"));
            return;
        }
        Boundaries.checkCrs(map.get("crs"), field + ".crs", violations);
        JsonNode features = map.path("features");
        if (features.size() > MAX_FEATURES) {
            violations.add(new Violation(field + ".features", "friendly.map-size", MAX_FEATURES));
            return;
        }
        for (int i = 0; i < features.size(); i++) {
            String f = field + ".features[" + i + "]";
            JsonNode feature = features.get(i);
            JsonNode p = feature.path("properties");
            if (!"Feature".equals(feature.path("type").asText())) {
                violations.add(new Violation(f + ".type", "friendly.map-feature"));
                continue;
            }
            Set<String> geometries = KINDS.get(p.path("kind").asText());
            if (geometries == null) {
                violations.add(new Violation(f + ".properties.kind", "friendly.map-kind", p.path("kind").asText("?"),
                        String.join(", ", new TreeSet<>(KINDS.keySet()))));
            }
            Boundaries.checkCrs(feature.get("crs"), f + ".crs", violations);
            String label = p.path("label").asText("").strip();
            if (label.isEmpty() || label.length() > 100) {
                violations.add(new Violation(f + ".properties.label", "friendly.map-label"));
            }
            // an unknown kind is already reported: check the geometry as any kind would
            boundaries.read(feature.get("geometry"), f + ".geometry", geometries == null ? ANY_GEOMETRY : geometries,
                    violations);
        }
    }

    private void write(FriendlyCommunity f, FriendlyCommunityInput input) {
        List<Violation> violations = new ArrayList<>();
        checkMap(input.map(), "map", violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (input.communityId() != null && Community.findById(input.communityId()) == null) {
            throw ProblemException.badRequest("community.unknown", input.communityId());
        }
        copy(f, input);
    }

    private void copy(FriendlyCommunity f, FriendlyCommunityInput in) {
        f.code = in.code();
        f.name = in.name();
        f.communityId = in.communityId();
        f.address = in.address();
        f.lon = in.lon();
        f.lat = in.lat();
        f.map = boundaries.toMap(in.map());
        f.notes = in.notes();
    }

    private boolean same(FriendlyCommunity f, FriendlyCommunityInput in) {
        return f.name.equals(in.name()) && Objects.equals(f.communityId, in.communityId())
                && Objects.equals(f.address, in.address()) && f.lon == in.lon() && f.lat == in.lat()
                && f.map.equals(boundaries.toMap(in.map())) && Objects.equals(f.notes, in.notes());
    }

    private FriendlyCommunityView view(FriendlyCommunity f) {
        return FriendlyCommunityView.of(f, activeEpasses(List.of(f.id)).getOrDefault(f.id, 0L));
    }

    /** E-passes in force (active, not expired) per friendly community. */
    static Map<Long, Long> activeEpasses(List<Long> ids) {
        Map<Long, Long> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object[]> rows = Epass.getEntityManager().createQuery("""
                        select c.friendlyCommunityId, count(c) from EpassCommunity c, Epass e
                         where e.id = c.epassId and e.status = :active and e.validUntil > :now
                           and c.friendlyCommunityId in :ids
                         group by c.friendlyCommunityId""", Object[].class)
                .setParameter("active", Epass.ACTIVE).setParameter("now", OffsetDateTime.now())
                .setParameter("ids", ids).getResultList();
        rows.forEach(r -> out.put((Long) r[0], (Long) r[1]));
        return out;
    }

    static FriendlyCommunity require(long id) {
        return FriendlyCommunity.<FriendlyCommunity>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("friendly.unknown", id));
    }
}
