package cn.fengxing.station.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.geo.Distances;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.identity.service.Members;
import cn.fengxing.station.api.AmenityOffer;
import cn.fengxing.station.api.NearbyStation;
import cn.fengxing.station.api.PosterCode;
import cn.fengxing.station.api.StationInput;
import cn.fengxing.station.api.StationKind;
import cn.fengxing.station.api.StationSettingsView;
import cn.fengxing.station.api.StationView;
import cn.fengxing.station.api.UsageStats;
import cn.fengxing.station.entity.Station;
import cn.fengxing.station.entity.StationVisit;
import cn.fengxing.tenancy.service.TenantContext;
import cn.fengxing.tenancy.service.TenantKeys;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jose4j.jwt.JwtClaims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Rest stations 驿站 of the current township: admin CRUD, the riders' nearest-open list, poster codes, figures. */
@ApplicationScoped
public class StationService {

    /** Claim {@code typ} of a station's poster code. */
    static final String CODE_TYPE = "station";

    @Inject
    StationSettingsService settings;

    @Inject
    Scans scans;

    @Inject
    TenantKeys keys;

    @Inject
    TenantContext tenant;

    @Inject
    Members members;

    @Inject
    AuditLog audit;

    @Inject
    Event<StationRemoval> removal;

    @Transactional
    public Page<StationView> list(StationKind kind, String grade, Long communityId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind.code());
        }
        if (grade != null) {
            where.append(" and grade = :grade");
            params.and("grade", grade);
        }
        if (communityId != null) {
            where.append(" and communityId = :community");
            params.and("community", communityId);
        }
        var query = Station.find(where.toString(), Sort.by("code"), params);
        List<Station> items = query.page(page, size).list();
        return new Page<>(views(items), page, size, query.count());
    }

    @Transactional
    public StationView get(long id) {
        return views(List.of(require(id))).get(0);
    }

    @Transactional
    public StationView create(StationInput input) {
        if (Station.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("station.code-taken", input.code());
        }
        Station s = new Station();
        write(s, input);
        s.persist();
        audit.record(tenant.code(), "station.create", s.code, Map.of("name", s.name, "kind", s.kind));
        return views(List.of(s)).get(0);
    }

    @Transactional
    public StationView update(long id, StationInput input) {
        Station s = require(id);
        if (!s.code.equals(input.code()) && Station.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("station.code-taken", input.code());
        }
        if (write(s, input)) {
            audit.record(tenant.code(), "station.update", s.code, Map.of("name", s.name, "active", s.active));
        }
        return views(List.of(s)).get(0);
    }

    @Transactional
    public void delete(long id) {
        Station s = require(id);
        if (StationVisit.count("stationId", s.id) > 0) {
            throw ProblemException.conflict("station.has-visits", s.code);
        }
        removal.fire(new StationRemoval(s.id, s.code));
        s.delete();
        audit.record(tenant.code(), "station.delete", s.code, Map.of());
    }

    /** Adds or updates the manifest's stations by code; returns one line per change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(List<StationInput> specs) {
        List<String> changes = new ArrayList<>();
        for (StationInput spec : specs) {
            Station s = Station.byCode(spec.code()).orElse(null);
            if (s == null) {
                s = new Station();
                write(s, spec);
                s.persist();
                changes.add("+ station " + s.code);
            } else if (write(s, spec)) {
                changes.add("~ station " + s.code);
            }
        }
        return changes;
    }

    /** The active stations nearest to the rider, with distance and whether each is open now. */
    @Transactional
    public List<NearbyStation> nearby(double lon, double lat, int limit, boolean openOnly) {
        ZonedDateTime now = ZonedDateTime.now(scans.zone());
        Map<Long, Boolean> open = new HashMap<>();
        List<Station> candidates = new ArrayList<>();
        for (Station s : Station.<Station>list("active", true)) {
            open.put(s.id, OpeningHours.fromStored(s.hours).isOpen(now));
            if (!openOnly || open.get(s.id)) {
                candidates.add(s);
            }
        }
        var ranked = Distances.nearest(candidates, s -> s.lon, s -> s.lat, lon, lat, limit);
        List<StationView> views = views(ranked.stream().map(Distances.Ranked::item).toList());
        List<NearbyStation> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.add(new NearbyStation(views.get(i), ranked.get(i).metres(), open.get(ranked.get(i).item().id)));
        }
        return out;
    }

    /** The code printed on the station's poster; riders scan it to check in. It does not expire. */
    @Transactional
    public PosterCode posterCode(long id) {
        Station s = require(id);
        scans.requireKeeperOrAdmin(s.keeperSubject);
        JwtClaims claims = new JwtClaims();
        claims.setSubject(String.valueOf(s.id));
        claims.setClaim("typ", CODE_TYPE);
        claims.setIssuedAtToNow();
        return new PosterCode(s.id, s.name, keys.sign(tenant.code(), claims));
    }

    @Transactional
    public UsageStats stats(long id, LocalDate from, LocalDate to) {
        Station s = require(id);
        scans.requireKeeperOrAdmin(s.keeperSubject);
        return scans.usage("station_visit", "station_id", s.id, from, to);
    }

    public static Station require(long id) {
        return Station.<Station>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("station.unknown", id));
    }

    /** Checks the input against the township's settings and writes it; true when anything changed. */
    private boolean write(Station s, StationInput in) {
        StationSettingsView config = settings.view(settings.settings());
        List<Violation> violations = new ArrayList<>();
        OpeningHours hours = OpeningHours.read(in.hours(), "hours", violations);
        if (in.grade() != null && config.grades().stream().noneMatch(g -> g.code().equals(in.grade()))) {
            violations.add(new Violation("grade", "station.grade-unknown", in.grade()));
        } else if (in.grade() == null && in.kind() == StationKind.station) {
            violations.add(new Violation("grade", "station.grade-required"));
        }
        Map<String, StationSettingsView.Amenity> amenities = byCode(config.amenities(), StationSettingsView.Amenity::code);
        List<AmenityOffer> offers = in.amenities() == null ? List.of() : in.amenities();
        Set<String> offered = new LinkedHashSet<>();
        for (int i = 0; i < offers.size(); i++) {
            AmenityOffer offer = offers.get(i);
            StationSettingsView.Amenity known = amenities.get(offer.code());
            if (known == null) {
                violations.add(new Violation("amenities[" + i + "].code", "station.amenity-unknown", offer.code()));
            } else if (offer.price() != null && !known.priced()) {
                violations.add(new Violation("amenities[" + i + "].price", "station.amenity-unpriced", offer.code()));
            } else if (!offered.add(offer.code())) {
                violations.add(new Violation("amenities[" + i + "].code", "station.settings-duplicate", offer.code()));
            }
        }
        Map<String, StationSettingsView.Service> services = byCode(config.services(), StationSettingsView.Service::code);
        List<String> serviceCodes = in.services() == null ? List.of() : in.services();
        for (int i = 0; i < serviceCodes.size(); i++) {
            if (!services.containsKey(serviceCodes.get(i))) {
                violations.add(new Violation("services[" + i + "]", "station.service-unknown", serviceCodes.get(i)));
            }
        }
        Community community = null;
        if (in.community() != null) {
            community = Community.byCode(in.community()).orElse(null);
            if (community == null) {
                violations.add(new Violation("community", "station.community-unknown", in.community()));
            }
        }
        scans.checkKeeper(in.keeper(), "keeper", violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<Object> before = s.settable();
        s.code = in.code();
        s.name = in.name();
        s.kind = in.kind().code();
        s.grade = in.grade();
        s.address = in.address();
        s.lon = in.lon();
        s.lat = in.lat();
        s.communityId = community == null ? null : community.id;
        s.amenities = offers.stream().map(StationService::stored).toList();
        // basic services apply to every station: store only the extras (the X of 1+7+X)
        s.services = serviceCodes.stream().distinct().filter(c -> !services.get(c).basic()).toArray(String[]::new);
        s.hours = hours.toStored();
        s.capacity = in.capacity();
        s.keeperSubject = in.keeper();
        s.contactPhone = in.phone();
        s.active = in.active() == null || in.active();
        boolean changed = !before.equals(s.settable());
        if (changed) {
            s.updatedAt = OffsetDateTime.now();
        }
        return changed;
    }

    private static Map<String, Object> stored(AmenityOffer offer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", offer.code());
        if (offer.price() != null) {
            m.put("price", offer.price().stripTrailingZeros().toPlainString());
        }
        return m;
    }

    private List<StationView> views(List<Station> stations) {
        if (stations.isEmpty()) {
            return List.of();
        }
        List<String> basic = settings.view(settings.settings()).services().stream()
                .filter(StationSettingsView.Service::basic).map(StationSettingsView.Service::code).toList();
        List<Long> ids = stations.stream().map(s -> s.id).toList();
        Map<Long, Long> visits = new HashMap<>();
        StationVisit.getEntityManager()
                .createQuery("select v.stationId, count(v) from StationVisit v where v.stationId in :ids group by v.stationId",
                        Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> visits.put((Long) row[0], (Long) row[1]));
        Set<Long> communityIds = stations.stream().map(s -> s.communityId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> communities = new HashMap<>();
        if (!communityIds.isEmpty()) {
            Community.<Community>list("id in ?1", communityIds).forEach(c -> communities.put(c.id, c.code));
        }
        Map<String, String> keepers = members.namesOf(tenant.code(),
                stations.stream().map(s -> s.keeperSubject).toList());
        return stations.stream().map(s -> new StationView(s.id, s.code, s.name, s.kind, s.grade, s.address, s.lon, s.lat,
                s.communityId, communities.get(s.communityId),
                s.amenities.stream().map(a -> new AmenityOffer((String) a.get("code"),
                        a.get("price") == null ? null : new BigDecimal((String) a.get("price")))).toList(),
                Stream.concat(basic.stream(), Stream.of(s.services)).distinct().toList(),
                OpeningHours.fromStored(s.hours).toApi(), s.capacity, s.keeperSubject, keepers.get(s.keeperSubject),
                s.contactPhone, s.active,
                visits.getOrDefault(s.id, 0L))).toList();
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        return items.stream().collect(Collectors.toMap(code, t -> t, (a, b) -> a, LinkedHashMap::new));
    }
}
