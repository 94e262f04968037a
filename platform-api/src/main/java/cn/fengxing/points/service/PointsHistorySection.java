package cn.fengxing.points.service;

import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.points.api.PointsHistoryEntry;
import cn.fengxing.points.entity.PointsEntry;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifest section {@code pointsHistory}: [{code, rider (phone), action, points, reason, daysAgo, time, by}], the
 * points riders earned earlier 爱心存折, imported once each by code into the ledger (source history:code), oldest
 * first. After the riders it names.
 */
@ApplicationScoped
public class PointsHistorySection implements ManifestSection {

    static final String SOURCE = "history:";

    @Inject
    SectionReader reader;

    @Inject
    ManifestHistory history;

    @Inject
    PointsLedger ledger;

    @Override
    public String key() {
        return "pointsHistory";
    }

    @Override
    public int order() {
        return 94;
    }

    @Override
    public List<String> apply(JsonNode section) {
        List<PointsHistoryEntry> entries = reader.list(key(), section, PointsHistoryEntry.class);
        Set<String> imported = new HashSet<>();
        Panache.getEntityManager().createQuery("select e.source from PointsEntry e where e.source like :prefix",
                        String.class).setParameter("prefix", SOURCE + "%").getResultList()
                .forEach(s -> imported.add(s.substring(SOURCE.length())));
        Map<String, Rider> riders = new HashMap<>();
        return history.importNew(key(), entries, imported, "points awards", (e, field, at, violations) -> {
            Rider rider = riders.computeIfAbsent(e.rider(), phone -> Rider.byPhone(phone).orElse(null));
            if (rider == null) {
                violations.add(new Violation(field + ".rider", "manifest.history.rider", e.rider()));
            }
            ManifestHistory.past(at, field + ".daysAgo", violations);
        }, (e, at) -> ledger.write(riders.get(e.rider()).id, PointsEntry.AWARD, e.action().code(), e.points(),
                e.reason(), SOURCE + e.code(), e.by(), at));
    }
}
