package cn.fengxing.pairing.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.entity.Membership;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who looks after a community's elders: its grid workers 网格员 (handlers assigned to any grid of the community)
 * and, over every community, the township's admins. The one place that scopes care pairing to the caller.
 */
@RequestScoped
public class CommunityStaff {

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    private Set<Long> communities;

    /** Whether the caller sees every community of the township (a tenant admin). */
    public boolean wholeTownship() {
        return caller.holdsIn(tenant.code(), Role.TENANT_ADMIN);
    }

    /** The communities the caller works in as a grid worker. */
    public Set<Long> communities() {
        if (communities == null) {
            List<?> ids = Panache.getEntityManager().createNativeQuery("""
                            SELECT DISTINCT g.community_id FROM grid_worker w JOIN grid g
                              ON g.tenant_id = w.tenant_id AND g.id = w.grid_id
                            WHERE w.subject = :subject""")
                    .setParameter("subject", caller.subject()).getResultList();
            communities = new HashSet<>();
            ids.forEach(id -> communities.add(((Number) id).longValue()));
        }
        return communities;
    }

    /** Whether the caller may see and follow up the community's elders. */
    public boolean covers(long communityId) {
        return wholeTownship() || communities().contains(communityId);
    }

    /** The elder, when the caller covers the elder's community; else a 404, as for an elder that does not exist. */
    public Elder check(Elder elder) {
        if (elder == null || !covers(elder.communityId)) {
            throw ProblemException.notFound("pairing.elder.not-found");
        }
        return elder;
    }

    /**
     * Whom an alert about the community goes to: its grid workers who are active handlers of the township, or the
     * township's admins when the community has none.
     */
    public List<String> staffOf(long communityId) {
        @SuppressWarnings("unchecked")
        List<String> workers = Panache.getEntityManager().createNativeQuery("""
                        SELECT DISTINCT w.subject FROM grid_worker w JOIN grid g
                          ON g.tenant_id = w.tenant_id AND g.id = w.grid_id
                        WHERE g.community_id = :community ORDER BY w.subject""")
                .setParameter("community", communityId).getResultList();
        Set<String> handlers = new HashSet<>(withRole(Role.HANDLER));
        List<String> staff = workers.stream().filter(handlers::contains).toList();
        return staff.isEmpty() ? admins() : staff;
    }

    /** The township's active admins. */
    public List<String> admins() {
        return withRole(Role.TENANT_ADMIN);
    }

    private List<String> withRole(Role role) {
        return Membership.<Membership>list("tenantCode = ?1 and status = ?2 order by subject", tenant.code(),
                Membership.ACTIVE).stream().filter(m -> List.of(m.roles).contains(role.code()))
                .map(m -> m.subject).toList();
    }
}
