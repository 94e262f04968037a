package cn.fengxing.rider.service;

import cn.fengxing.rider.api.RiderSpec;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Manifest section {@code riders}: a township's first roster, matched by phone; active unless said otherwise. */
@ApplicationScoped
public class RidersSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    RiderMembership memberships;

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
        List<String> changes = new ArrayList<>();
        for (RiderSpec spec : reader.list(key(), section, RiderSpec.class)) {
            Rider r = Rider.byPhone(spec.phone()).orElse(null);
            String status = spec.status() == null ? Rider.ACTIVE : spec.status();
            if (r == null) {
                r = new Rider();
                r.phone = spec.phone();
                changes.add("+ rider " + spec.name());
            } else if (Objects.equals(r.name, spec.name()) && Objects.equals(r.platform, spec.platform())
                    && Objects.equals(r.depot, spec.depot()) && Objects.equals(r.subject, spec.subject())
                    && r.status.equals(status)) {
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
            r.persist();
            memberships.sync(r);
        }
        return changes;
    }
}
