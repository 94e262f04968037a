package cn.fengxing.platform.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.api.GrantView;
import cn.fengxing.identity.entity.RegionGrant;
import cn.fengxing.platform.api.GrantInput;
import cn.fengxing.tenancy.entity.Region;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/** The platform operator's regional grants (region_viewer, platform_operator), each change audited. */
@ApplicationScoped
public class RegionGrants {

    private static final Logger LOG = Logger.getLogger(RegionGrants.class);

    @Inject
    AuditLog audit;

    @Transactional
    public Page<GrantView> list(int page, int size) {
        var query = RegionGrant.findAll(Sort.by("subject").and("regionPath").and("role"));
        return new Page<>(query.page(page, size).<RegionGrant>list(), page, size, query.count()).map(GrantView::of);
    }

    /** Adds the grant unless it exists; the same call twice changes nothing. */
    @Transactional
    public GrantView grant(GrantInput input) {
        Role role = Role.of(input.role());
        if (role == null || role.tenantRole) {
            throw ProblemException.badRequest("grant.role", input.role());
        }
        String path = input.regionPath().strip();
        if (!path.isEmpty() && Region.byPath(path).isEmpty()) {
            throw ProblemException.notFound("region.unknown", path);
        }
        RegionGrant existing = RegionGrant.<RegionGrant>find("subject = ?1 and regionPath = ?2 and role = ?3",
                input.subject(), path, role.code()).firstResult();
        if (existing != null) {
            return GrantView.of(existing);
        }
        RegionGrant g = new RegionGrant();
        g.subject = input.subject();
        g.regionPath = path;
        g.role = role.code();
        g.persist();
        audit.record(null, "grant.add", input.subject(), Map.of("regionPath", path, "role", role.code()));
        return GrantView.of(g);
    }

    @Transactional
    public void revoke(long id) {
        RegionGrant g = RegionGrant.<RegionGrant>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("http.not-found"));
        g.delete();
        audit.record(null, "grant.revoke", g.subject, Map.of("regionPath", g.regionPath, "role", g.role));
    }

    /** Makes the configured subjects platform operators, so a new installation can onboard its first district. */
    @Transactional
    void bootstrap(@Observes StartupEvent start, FengxingConfig config) {
        for (String subject : config.bootstrap().operators().orElse(List.of())) {
            if (RegionGrant.count("subject = ?1 and regionPath = '' and role = ?2", subject,
                    Role.PLATFORM_OPERATOR.code()) == 0) {
                RegionGrant g = new RegionGrant();
                g.subject = subject;
                g.regionPath = "";
                g.role = Role.PLATFORM_OPERATOR.code();
                g.persist();
                LOG.infof("Granted platform_operator to %s (fengxing.bootstrap.operators)", subject);
            }
        }
    }
}
