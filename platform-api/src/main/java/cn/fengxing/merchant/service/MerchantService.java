package cn.fengxing.merchant.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.geo.Distances;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.identity.service.Members;
import cn.fengxing.merchant.api.BadgeStatus;
import cn.fengxing.merchant.api.DiscountUseView;
import cn.fengxing.merchant.api.MerchantCategory;
import cn.fengxing.merchant.api.MerchantInput;
import cn.fengxing.merchant.api.MerchantView;
import cn.fengxing.merchant.api.NearbyMerchant;
import cn.fengxing.merchant.entity.DiscountUse;
import cn.fengxing.merchant.entity.Merchant;
import cn.fengxing.rider.api.RiderCard;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.station.api.StationKind;
import cn.fengxing.station.api.UsageStats;
import cn.fengxing.station.entity.Station;
import cn.fengxing.station.service.Scans;
import cn.fengxing.station.service.StationRemoval;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Partner merchants 骑手友好商家 of the current township and the rider discounts they confirm. */
@ApplicationScoped
public class MerchantService {

    @Inject
    Scans scans;

    @Inject
    RiderCodes riderCodes;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    @Inject
    Members members;

    @Inject
    AuditLog audit;

    @Transactional
    public Page<MerchantView> list(MerchantCategory category, BadgeStatus badge, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (category != null) {
            where.append(" and category = :category");
            params.and("category", category.code());
        }
        if (badge != null) {
            where.append(" and badge = :badge");
            params.and("badge", badge.code());
        }
        var query = Merchant.find(where.toString(), Sort.by("code"), params);
        List<Merchant> items = query.page(page, size).list();
        return new Page<>(views(items), page, size, query.count());
    }

    @Transactional
    public MerchantView get(long id) {
        return views(List.of(require(id))).get(0);
    }

    @Transactional
    public MerchantView create(MerchantInput input) {
        if (Merchant.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("merchant.code-taken", input.code());
        }
        Merchant m = new Merchant();
        write(m, input);
        m.persist();
        audit.record(tenant.code(), "merchant.create", m.code, Map.of("name", m.name, "badge", m.badge));
        return views(List.of(m)).get(0);
    }

    @Transactional
    public MerchantView update(long id, MerchantInput input) {
        Merchant m = require(id);
        if (!m.code.equals(input.code()) && Merchant.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("merchant.code-taken", input.code());
        }
        if (write(m, input)) {
            audit.record(tenant.code(), "merchant.update", m.code, Map.of("name", m.name, "badge", m.badge));
        }
        return views(List.of(m)).get(0);
    }

    @Transactional
    public void delete(long id) {
        Merchant m = require(id);
        if (DiscountUse.count("merchantId", m.id) > 0) {
            throw ProblemException.conflict("merchant.has-uses", m.code);
        }
        m.delete();
        audit.record(tenant.code(), "merchant.delete", m.code, Map.of());
    }

    /** Adds or updates the manifest's merchants by code; returns one line per change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(List<MerchantInput> specs) {
        List<String> changes = new ArrayList<>();
        for (MerchantInput spec : specs) {
            Merchant m = Merchant.byCode(spec.code()).orElse(null);
            if (m == null) {
                m = new Merchant();
                write(m, spec);
                m.persist();
                changes.add("+ merchant " + m.code);
            } else if (write(m, spec)) {
                changes.add("~ merchant " + m.code);
            }
        }
        return changes;
    }

    /** Merchants nearest to the rider (revoked badges left out), nearest first. */
    @Transactional
    public List<NearbyMerchant> nearby(double lon, double lat, int limit) {
        var ranked = Distances.nearest(Merchant.<Merchant>list("badge <> ?1", BadgeStatus.revoked.code()),
                m -> m.lon, m -> m.lat, lon, lat, limit);
        List<MerchantView> views = views(ranked.stream().map(Distances.Ranked::item).toList());
        List<NearbyMerchant> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.add(new NearbyMerchant(views.get(i), ranked.get(i).metres()));
        }
        return out;
    }

    /** The merchant's keeper (or an admin) scanned a rider's personal code to confirm a discount. */
    @Transactional
    public Scans.Logged<DiscountUseView> confirmDiscount(long merchantId, String riderCode, String note) {
        Merchant m = require(merchantId);
        scans.requireKeeperOrAdmin(m.keeperSubject);
        Rider rider = riderCodes.verify(riderCode);
        return scans.<DiscountUse>once(m,
                since -> DiscountUse.find("merchantId = ?1 and riderId = ?2 and at > ?3 order by at desc",
                        m.id, rider.id, since).firstResult(),
                () -> {
                    DiscountUse use = new DiscountUse();
                    use.merchantId = m.id;
                    use.riderId = rider.id;
                    use.bySubject = caller.subject();
                    use.note = note;
                    return use;
                }).map(u -> new DiscountUseView(u.id, m.id, m.name, RiderCard.of(rider), u.at, u.bySubject, u.note));
    }

    @Transactional
    public UsageStats stats(long id, LocalDate from, LocalDate to) {
        Merchant m = require(id);
        scans.requireKeeperOrAdmin(m.keeperSubject);
        return scans.usage("merchant_discount_use", "merchant_id", m.id, from, to);
    }

    /** A station that a merchant runs as its E站 stays while the link does. */
    void onStationRemoval(@Observes StationRemoval removal) {
        Merchant linked = Merchant.<Merchant>find("stationId", removal.stationId()).firstResult();
        if (linked != null) {
            throw ProblemException.conflict("merchant.links-station", removal.code(), linked.code);
        }
    }

    private static Merchant require(long id) {
        return Merchant.<Merchant>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("merchant.unknown", id));
    }

    private boolean write(Merchant m, MerchantInput in) {
        List<Violation> violations = new ArrayList<>();
        Station station = null;
        if (in.station() != null) {
            station = Station.byCode(in.station()).orElse(null);
            if (station == null || !StationKind.e_station.code().equals(station.kind)) {
                violations.add(new Violation("station", "merchant.station-not-e-station", in.station()));
            }
        }
        scans.checkKeeper(in.keeper(), "keeper", violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<Object> before = m.settable();
        m.code = in.code();
        m.name = in.name();
        m.category = in.category().code();
        m.address = in.address();
        m.lon = in.lon();
        m.lat = in.lat();
        m.discount = in.discount();
        m.badge = (in.badge() == null ? BadgeStatus.none : in.badge()).code();
        m.stationId = station == null ? null : station.id;
        m.contactName = in.contactName();
        m.contactPhone = in.phone();
        m.keeperSubject = in.keeper();
        boolean changed = !before.equals(m.settable());
        if (changed) {
            m.updatedAt = OffsetDateTime.now();
        }
        return changed;
    }

    private List<MerchantView> views(List<Merchant> merchants) {
        if (merchants.isEmpty()) {
            return List.of();
        }
        List<Long> ids = merchants.stream().map(m -> m.id).toList();
        Map<Long, Long> uses = new HashMap<>();
        DiscountUse.getEntityManager()
                .createQuery("select u.merchantId, count(u) from DiscountUse u where u.merchantId in :ids group by u.merchantId",
                        Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> uses.put((Long) row[0], (Long) row[1]));
        Set<Long> stationIds = merchants.stream().map(m -> m.stationId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> stations = new HashMap<>();
        if (!stationIds.isEmpty()) {
            Station.<Station>list("id in ?1", stationIds).forEach(s -> stations.put(s.id, s.code));
        }
        Map<String, String> keepers = members.namesOf(tenant.code(),
                merchants.stream().map(m -> m.keeperSubject).toList());
        return merchants.stream().map(m -> new MerchantView(m.id, m.code, m.name, m.category, m.address, m.lon, m.lat,
                m.discount, m.badge, m.stationId, stations.get(m.stationId), m.contactName, m.contactPhone,
                m.keeperSubject, keepers.get(m.keeperSubject), uses.getOrDefault(m.id, 0L))).toList();
    }
}
