package cn.fengxing.report.service;

import cn.fengxing.report.api.SlaSettings;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Manifest section {@code sla}: {dispatchMinutes, resolveHours, autoCloseDays, overrides: [{category, …}]}. */
@ApplicationScoped
public class SlaSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    ReportSlas slas;

    @Override
    public String key() {
        return "sla";
    }

    @Override
    public int order() {
        return 43;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return slas.apply(reader.object(key(), section, SlaSettings.class), key());
    }
}
