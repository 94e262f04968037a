package cn.fengxing.epass.service;

import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.epass.api.EpassHistoryEntry;
import cn.fengxing.epass.entity.Epass;
import cn.fengxing.epass.entity.FriendlyCommunity;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Members;
import cn.fengxing.rider.service.HistoryRiders;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Imports a township's earlier e-passes 电子通行证 (manifest section {@code epassHistory}), once each by code, under
 * the rules of issuing one (an active rider, friendly communities of the township, at most a year, issued by a
 * tenant admin), dated when they were issued; one past its period shows as expired. Not audited one by one: the
 * manifest's apply is.
 */
@ApplicationScoped
public class EpassHistory {

    @Inject
    ManifestHistory history;

    @Inject
    Members members;

    @Inject
    TenantContext tenant;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(String key, List<EpassHistoryEntry> entries) {
        HistoryRiders riders = new HistoryRiders();
        Map<String, Long> communities = new HashMap<>();
        FriendlyCommunity.<FriendlyCommunity>listAll().forEach(f -> communities.put(f.code, f.id));
        return history.importNew(key, entries, new HashSet<>(Panache.getEntityManager()
                .createQuery("select importCode from Epass where importCode is not null", String.class).getResultList()),
                "e-passes", (e, field, at, violations) -> {
                    riders.active(e.rider(), field + ".rider", violations);
                    for (int j = 0; j < e.communities().size(); j++) {
                        if (!communities.containsKey(e.communities().get(j))) {
                            violations.add(new Violation(field + ".communities[" + j + "]", "friendly.unknown",
                                    e.communities().get(j)));
                        }
                    }
                    if (!members.holds(tenant.code(), e.by(), Role.TENANT_ADMIN)) {
                        violations.add(new Violation(field + ".by", "manifest.history.role", e.by(),
                                Role.TENANT_ADMIN.code()));
                    }
                    ManifestHistory.past(at, field + ".time", violations);
                }, (e, at) -> {
                    Epass pass = new Epass();
                    pass.riderId = riders.get(e.rider()).id;
                    pass.validFrom = at;
                    pass.validUntil = at.plusDays(e.validDays());
                    pass.issuedBy = e.by();
                    pass.issuedAt = at;
                    pass.importCode = e.code();
                    EpassService.persist(pass, e.communities().stream().map(communities::get).toList());
                });
    }
}
