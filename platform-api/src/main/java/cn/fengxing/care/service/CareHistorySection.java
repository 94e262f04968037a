package cn.fengxing.care.service;

import cn.fengxing.care.api.CareHistoryEntry;
import cn.fengxing.care.api.CareKind;
import cn.fengxing.care.entity.CareRecord;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import cn.fengxing.tenancy.service.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifest section {@code careHistory}: [{code, rider (phone), kind, title, detail, amount, coverDays, reference,
 * daysAgo, time, by}], care services 关爱服务 given earlier, imported once each by code (source history:code). After
 * the riders it names.
 */
@ApplicationScoped
public class CareHistorySection implements ManifestSection {

    static final String SOURCE = "history:";

    @Inject
    SectionReader reader;

    @Inject
    ManifestHistory history;

    @Inject
    TenantContext tenant;

    @Override
    public String key() {
        return "careHistory";
    }

    @Override
    public int order() {
        return 97;
    }

    @Override
    public List<String> apply(JsonNode section) {
        List<CareHistoryEntry> entries = reader.list(key(), section, CareHistoryEntry.class);
        Set<String> imported = new HashSet<>();
        Panache.getEntityManager().createQuery("select c.source from CareRecord c where c.source like :prefix",
                        String.class).setParameter("prefix", SOURCE + "%").getResultList()
                .forEach(s -> imported.add(s.substring(SOURCE.length())));
        Map<String, Rider> riders = new HashMap<>();
        return history.importNew(key(), entries, imported, "care records", (e, field, at, violations) -> {
            Rider rider = riders.computeIfAbsent(e.rider(), phone -> Rider.byPhone(phone).orElse(null));
            if (rider == null) {
                violations.add(new Violation(field + ".rider", "manifest.history.rider", e.rider()));
            }
            ManifestHistory.past(at, field + ".daysAgo", violations);
            if ((e.kind() == CareKind.insurance) != (e.coverDays() != null)) {
                violations.add(new Violation(field + ".coverDays",
                        e.kind() == CareKind.insurance ? "care.cover-required" : "care.cover-insurance-only"));
            }
        }, (e, at) -> write(e, riders.get(e.rider()), at));
    }

    private void write(CareHistoryEntry e, Rider rider, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(Tenant.zoneOf(tenant.code())).toLocalDate();
        CareRecord r = new CareRecord();
        r.riderId = rider.id;
        r.kind = e.kind().code();
        r.givenOn = day;
        r.title = e.title();
        r.detail = e.detail();
        r.amount = e.amount();
        if (e.coverDays() != null) {
            r.coverStart = day;
            r.coverEnd = day.plusDays(e.coverDays() - 1L);
        }
        r.reference = e.reference();
        r.recordedBy = e.by();
        r.source = SOURCE + e.code();
        r.createdAt = at;
        r.updatedAt = at;
        r.persist();
    }
}
