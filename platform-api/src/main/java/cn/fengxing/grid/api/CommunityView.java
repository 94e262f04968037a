package cn.fengxing.grid.api;

import cn.fengxing.grid.entity.Community;

public record CommunityView(long id, String code, String name, long grids) {

    public static CommunityView of(Community c, long grids) {
        return new CommunityView(c.id, c.code, c.name, grids);
    }
}
