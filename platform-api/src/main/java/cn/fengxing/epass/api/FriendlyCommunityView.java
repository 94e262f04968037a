package cn.fengxing.epass.api;

import cn.fengxing.epass.entity.FriendlyCommunity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

public record FriendlyCommunityView(long id, String code, String name, Long communityId, String address,
                                    double lon, double lat, Map<String, Object> map, String notes,
                                    @Schema(description = "E-passes in force for this community (active, not expired)")
                                    long activeEpasses) {

    public static FriendlyCommunityView of(FriendlyCommunity f, long activeEpasses) {
        return new FriendlyCommunityView(f.id, f.code, f.name, f.communityId, f.address, f.lon, f.lat, f.map, f.notes,
                activeEpasses);
    }
}
