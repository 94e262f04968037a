package cn.fengxing.grid.api;

import cn.fengxing.grid.entity.Grid;

import java.util.Map;

public record GridView(long id, String code, String name, long communityId, Long parentId, String level,
                       String type, Integer households, String workGroupLink, Map<String, Object> boundary) {

    public static GridView of(Grid g) {
        return new GridView(g.id, g.code, g.name, g.communityId, g.parentId, g.level, g.type, g.households,
                g.workGroupLink, g.boundary);
    }
}
