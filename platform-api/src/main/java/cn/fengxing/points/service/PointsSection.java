package cn.fengxing.points.service;

import cn.fengxing.points.api.PointsSpec;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Manifest section {@code points}: {rules, rewards} as the API takes them, by action and by code (after stations). */
@ApplicationScoped
public class PointsSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    PointsRules rules;

    @Inject
    Rewards rewards;

    @Override
    public String key() {
        return "points";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<String> apply(JsonNode section) {
        PointsSpec spec = reader.object(key(), section, PointsSpec.class);
        List<String> changes = new ArrayList<>();
        if (spec.rules() != null) {
            changes.addAll(rules.apply(spec.rules()));
        }
        if (spec.rewards() != null) {
            changes.addAll(rewards.apply(spec.rewards(), key() + ".rewards"));
        }
        return changes;
    }
}
