package cn.fengxing.grid.service;

import cn.fengxing.grid.api.CommunityInput;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Manifest section {@code communities}: [{code, name}]. */
@ApplicationScoped
public class CommunitiesSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    GridService grids;

    @Override
    public String key() {
        return "communities";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return grids.applyCommunities(reader.list(key(), section, CommunityInput.class));
    }
}
