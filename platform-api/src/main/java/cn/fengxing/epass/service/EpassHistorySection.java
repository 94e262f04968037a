package cn.fengxing.epass.service;

import cn.fengxing.epass.api.EpassHistoryEntry;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Manifest section {@code epassHistory}: [{code, rider (phone), communities (friendly community codes), daysAgo,
 * time, validDays, by}], the township's earlier e-passes, imported once each by code (see EpassHistory). After the
 * riders and friendly communities it names.
 */
@ApplicationScoped
public class EpassHistorySection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    EpassHistory history;

    @Override
    public String key() {
        return "epassHistory";
    }

    @Override
    public int order() {
        return 91;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return history.apply(key(), reader.list(key(), section, EpassHistoryEntry.class));
    }
}
