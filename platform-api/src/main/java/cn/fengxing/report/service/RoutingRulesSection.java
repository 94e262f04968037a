package cn.fengxing.report.service;

import cn.fengxing.report.api.RoutingRuleInput;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Manifest section {@code routingRules}: [{category, community, level, target, handler, department}],
 * matched by category and community; after communities, categories and departments, which it names.
 */
@ApplicationScoped
public class RoutingRulesSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    RoutingRules rules;

    @Override
    public String key() {
        return "routingRules";
    }

    @Override
    public int order() {
        return 42;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return rules.apply(reader.list(key(), section, RoutingRuleInput.class), key());
    }
}
