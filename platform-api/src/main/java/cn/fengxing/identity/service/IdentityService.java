package cn.fengxing.identity.service;

import cn.fengxing.identity.Role;
import cn.fengxing.identity.api.GrantView;
import cn.fengxing.identity.api.MeView;
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
        return new MeView(caller.subject(), PersonName.of(token), memberships, caller.grants().stream().map(GrantView::of).toList());
    }
}
