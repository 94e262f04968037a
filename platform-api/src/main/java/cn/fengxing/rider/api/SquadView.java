package cn.fengxing.rider.api;

import cn.fengxing.rider.entity.Squad;

public record SquadView(long id, String name, Long communityId, Long leaderId, String leaderName, long members) {

    public static SquadView of(Squad s, String leaderName, long members) {
        return new SquadView(s.id, s.name, s.communityId, s.leaderId, leaderName, members);
    }
}
