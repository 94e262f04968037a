package cn.fengxing.identity.service;

import cn.fengxing.identity.Role;
import cn.fengxing.identity.api.GrantView;
import cn.fengxing.identity.api.MeView;
import cn.fengxing.identity.entity.RegionGrant;
import cn.fengxing.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Who the caller is: their memberships and regional grants. */
@ApplicationScoped
public class IdentityService {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Transactional
    public MeView me() {
        List<MeView.MembershipView> memberships = caller.tenantRoles().entrySet().stream().map(e -> {
            Tenant t = Tenant.<Tenant>findById(e.getKey());
            return new MeView.MembershipView(t.code, t.name, t.status, e.getValue().stream().map(Role::code).toList());
        }).toList();
        String name = PersonName.of(token);
        nameGrants(name);
        return new MeView(caller.subject(), name, memberships, caller.grants().stream().map(GrantView::of).toList());
    }

    /** A grantee given by subject alone is named after their profile at sign-in, so the operator's list shows names. */
    private void nameGrants(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        List<RegionGrant> unnamed = caller.grants().stream().filter(g -> g.name == null).toList();
        if (!unnamed.isEmpty()) {
            RegionGrant.update("name = ?1 where subject = ?2 and name is null", name.strip(), caller.subject());
            unnamed.forEach(g -> g.name = name.strip());
        }
    }
}
