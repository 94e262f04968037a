package cn.fengxing.identity.api;

import cn.fengxing.identity.entity.RegionGrant;

/** A regional grant; {@code name} is the grantee's name when known (given when granting, or from their first sign-in). */
public record GrantView(long id, String subject, String name, String regionPath, String role) {

    public static GrantView of(RegionGrant g) {
        return new GrantView(g.id, g.subject, g.name, g.regionPath, g.role);
    }
}
