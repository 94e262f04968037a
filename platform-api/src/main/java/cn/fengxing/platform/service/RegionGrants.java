package cn.fengxing.platform.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.api.GrantView;
import cn.fengxing.identity.entity.RegionGrant;
import cn.fengxing.identity.service.IdentityDirectory;
import cn.fengxing.identity.service.IdentityDirectory.Handle;
import cn.fengxing.platform.api.GrantInput;
import cn.fengxing.platform.api.GrantResult;
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

    @Inject
    IdentityDirectory directory;

    @Transactional
    public Page<GrantView> list(int page, int size) {
        var query = RegionGrant.findAll(Sort.by("subject").and("regionPath").and("role"));
        return new Page<>(query.page(page, size).<RegionGrant>list(), page, size, query.count()).map(GrantView::of);
    }

    /**
     * Adds the grant unless it exists; the same call twice changes nothing but the name when one is given. A grantee
     * named by username, phone or e-mail is found in the identity provider's directory, their account created when
     * missing (they set the password at first sign-in).
     */
    @Transactional
    public GrantResult grant(GrantInput input) {
        Role role = Role.of(input.role());
        if (role == null || role.tenantRole) {
            throw ProblemException.badRequest("grant.role", input.role());
        }
        String path = input.regionPath().strip();
        if (!path.isEmpty() && Region.byPath(path).isEmpty()) {
            throw ProblemException.notFound("region.unknown", path);
        }
        String name = input.name() == null || input.name().isBlank() ? null : input.name().strip();
        IdentityDirectory.Account account = accountOf(input, name);
        String subject = account.subject();
        String login = account.created() ? Handle.of(input.username(), input.phone(), input.email()).value() : null;
        RegionGrant existing = RegionGrant.<RegionGrant>find("subject = ?1 and regionPath = ?2 and role = ?3",
                subject, path, role.code()).firstResult();
        if (existing != null) {
            if (name != null && !name.equals(existing.name)) {
                existing.name = name;
                audit.record(null, "grant.rename", subject, Map.of("regionPath", path, "role", role.code()));
            }
            return GrantResult.of(existing, login, account.oneTimePassword());
        }
        RegionGrant g = new RegionGrant();
        g.subject = subject;
        g.name = name;
        g.regionPath = path;
        g.role = role.code();
        g.persist();
        audit.record(null, "grant.add", subject, Map.of("regionPath", path, "role", role.code()));
        return GrantResult.of(g, login, account.oneTimePassword());
    }

    private IdentityDirectory.Account accountOf(GrantInput input, String name) {
        boolean bySubject = input.subject() != null && !input.subject().isBlank();
        boolean byHandle = present(input.username()) || present(input.phone()) || present(input.email());
        if (bySubject == byHandle) {
            throw ProblemException.badRequest("member.handle-one");
        }
        if (bySubject) {
            return new IdentityDirectory.Account(input.subject().strip(), null);
        }
        Handle handle = Handle.of(input.username(), input.phone(), input.email());
        if (!directory.available()) {
            throw ProblemException.badRequest("grant.needs-directory");
        }
        if (name == null) {
            // an account that exists needs no name; a new one does
            return new IdentityDirectory.Account(directory.find(handle)
                    .orElseThrow(() -> ProblemException.badRequest("grant.name-required")), null);
        }
        return directory.findOrCreate(handle, name);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
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
