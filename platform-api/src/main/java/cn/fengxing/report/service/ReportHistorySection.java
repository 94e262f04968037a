package cn.fengxing.report.service;

import cn.fengxing.report.api.HistoryEntry;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Manifest section {@code reportHistory}: [{code, category, description, lon, lat, address, rider (phone), urgent,
 * daysAgo, time, steps: [{action, minutes, by, handler | department, of, note, rating, comment}]}], the township's
 * earlier reports, imported once each by code (see ReportHistory). Applied last: it names riders, members,
 * categories and departments of the other sections.
 */
@ApplicationScoped
public class ReportHistorySection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    ReportHistory history;

    @Override
    public String key() {
        return "reportHistory";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return history.apply(reader.list(key(), section, HistoryEntry.class), key());
    }
}
