package cn.fengxing.epass.service;

import cn.fengxing.epass.api.FriendlyCommunitySpec;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Manifest section {@code friendlyCommunities}: [{code, name, community, address, lon, lat, map, notes}], by code. */
@ApplicationScoped
public class FriendlyCommunitiesSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    FriendlyCommunityService service;

    @Override
    public String key() {
        return "friendlyCommunities";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return service.apply(key(), reader.list(key(), section, FriendlyCommunitySpec.class));
    }
}
