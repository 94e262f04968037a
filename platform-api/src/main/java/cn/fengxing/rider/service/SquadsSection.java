package cn.fengxing.rider.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.rider.api.SquadSpec;
import cn.fengxing.rider.entity.Squad;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Manifest section {@code squads}: [{name, community}], a township's rider squads 小分队 (北大街: one per community),
 * matched by name; before {@code riders}, whose entries name their squad. Leaders are chosen in the console.
 */
@ApplicationScoped
public class SquadsSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Override
    public String key() {
        return "squads";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public List<String> apply(JsonNode section) {
        List<SquadSpec> specs = reader.list(key(), section, SquadSpec.class);
        List<Long> communities = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String code = specs.get(i).community();
            Long id = code == null ? null : Community.byCode(code).map(c -> c.id).orElse(null);
            if (code != null && id == null) {
                violations.add(new Violation(key() + "[" + i + "].community", "community.unknown", code));
            }
            communities.add(id);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            SquadSpec spec = specs.get(i);
            Squad s = Squad.<Squad>find("name", spec.name()).firstResultOptional().orElse(null);
            if (s == null) {
                s = new Squad();
                s.name = spec.name();
                changes.add("+ squad " + spec.name());
            } else if (Objects.equals(s.communityId, communities.get(i))) {
                continue;
            } else {
                changes.add("~ squad " + spec.name());
            }
            s.communityId = communities.get(i);
            s.persist();
        }
        return changes;
    }
}
