package cn.fengxing.identity.api;

import java.util.List;

/** The caller: identity, townships with roles, and regional grants. */
public record MeView(String subject, String name, List<MembershipView> memberships, List<GrantView> grants) {

    public record MembershipView(String tenant, String tenantName, String tenantStatus, List<String> roles) {
    }
}
