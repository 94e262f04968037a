package cn.fengxing.identity.api;

import cn.fengxing.identity.entity.RegionGrant;

public record GrantView(long id, String subject, String regionPath, String role) {

    public static GrantView of(RegionGrant g) {
        return new GrantView(g.id, g.subject, g.regionPath, g.role);
    }
}
