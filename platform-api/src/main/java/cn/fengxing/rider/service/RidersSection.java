package cn.fengxing.rider.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.rider.api.RiderSpec;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.entity.Squad;
import cn.fengxing.tenancy.service.ManifestHistory;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Manifest section {@code riders}: a township's first roster, matched by phone; active unless said otherwise. A new
 * rider's enrolment is dated {@code joinedDaysAgo} days back (at 09:00 of that day), once: later applies keep it.
 */
@ApplicationScoped
public class RidersSection implements ManifestSection {

    /** When a dated enrolment happened on its day. */
    static final String JOINED_AT = "09:00";

    @Inject
    SectionReader reader;

    @Inject
    RiderMembership memberships;

    @Inject
    ManifestHistory history;

    @Override
    public String key() {
        return "riders";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> apply(JsonNode section) {
        List<RiderSpec> specs = reader.list(key(), section, RiderSpec.class);
        Map<String, Long> squads = new HashMap<>();
        Squad.<Squad>listAll().forEach(s -> squads.put(s.name, s.id));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String squad = specs.get(i).squad();
            if (squad != null && !squads.containsKey(squad)) {
                violations.add(new Violation(key() + "[" + i + "].squad", "rider.squad-unknown", squad));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> changes = new ArrayList<>();
        for (RiderSpec spec : specs) {
            Rider r = Rider.byPhone(spec.phone()).orElse(null);
            String status = spec.status() == null ? Rider.ACTIVE : spec.status();
            Long squadId = spec.squad() == null ? null : squads.get(spec.squad());
            boolean volunteer = Boolean.TRUE.equals(spec.volunteer());
            if (r == null) {
                r = new Rider();
                r.phone = spec.phone();
                if (spec.joinedDaysAgo() != null) {
                    OffsetDateTime joined = history.daysAgo(spec.joinedDaysAgo(), JOINED_AT);
                    r.createdAt = joined.isBefore(r.createdAt) ? joined : r.createdAt;
                }
                changes.add("+ rider " + spec.name());
            } else if (Objects.equals(r.name, spec.name()) && Objects.equals(r.platform, spec.platform())
                    && Objects.equals(r.depot, spec.depot()) && Objects.equals(r.subject, spec.subject())
                    && r.status.equals(status) && Objects.equals(r.squadId, squadId) && r.volunteer == volunteer) {
                continue;
            } else {
                changes.add("~ rider " + spec.name());
                r.updatedAt = OffsetDateTime.now();
            }
            r.name = spec.name();
            r.platform = spec.platform();
            r.depot = spec.depot();
            r.subject = spec.subject();
            r.status = status;
            r.squadId = squadId;
            r.volunteer = volunteer;
            r.persist();
            memberships.sync(r);
        }
        return changes;
    }
}
