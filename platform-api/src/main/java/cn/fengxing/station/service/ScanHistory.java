package cn.fengxing.station.service;

import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Members;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.HistoryRiders;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What the manifest's scan histories share (station visits 驿站到访, discount uses 优惠核销): earlier scans of an active
 * rider's code at a place of the township, by its keeper or a tenant admin, imported once each by code and dated
 * when they happened (ManifestHistory).
 */
@ApplicationScoped
public class ScanHistory {

    /** An entry of a scan history: the place's code, the rider's phone, who scanned. */
    public interface Entry extends ManifestHistory.Entry {
        String place();

        String rider();

        String by();
    }

    /** A place that can be scanned at: a station or a merchant. */
    public record Place(long id, String keeperSubject, boolean open) {
    }

    /** Makes the scan-log row (not persisted) of a checked entry. */
    @FunctionalInterface
    public interface Row<E> {
        PanacheEntityBase of(E entry, OffsetDateTime at, long placeId, Rider rider);
    }

    @Inject
    ManifestHistory history;

    @Inject
    Members members;

    @Inject
    TenantContext tenant;

    /**
     * Imports the new entries of section {@code key} into scan log {@code log} (an entity with an importCode);
     * {@code placeField} names an entry's place ("station"), {@code unknownPlace} the problem of an unknown one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends Entry> List<String> apply(String key, List<E> entries, Class<?> log, String what,
                                                String placeField, Map<String, Place> places, String unknownPlace,
                                                Row<E> row) {
        HistoryRiders riders = new HistoryRiders();
        return history.importNew(key, entries, new HashSet<>(Panache.getEntityManager().createQuery(
                        "select importCode from " + log.getSimpleName() + " where importCode is not null", String.class)
                .getResultList()), what, (e, field, at, violations) -> {
                    riders.active(e.rider(), field + ".rider", violations);
                    Place place = places.get(e.place());
                    if (place == null) {
                        violations.add(new Violation(field + "." + placeField, unknownPlace, e.place()));
                    } else if (!place.open()) {
                        violations.add(new Violation(field + "." + placeField, "station.inactive", e.place()));
                    } else if (!e.by().equals(place.keeperSubject())
                            && !members.holds(tenant.code(), e.by(), Role.TENANT_ADMIN)) {
                        violations.add(new Violation(field + ".by", "manifest.history.role", e.by(),
                                Role.STATION_KEEPER.code()));
                    }
                    ManifestHistory.past(at, field + ".time", violations);
                }, (e, at) -> row.of(e, at, places.get(e.place()).id(), riders.get(e.rider())).persist());
    }
}
