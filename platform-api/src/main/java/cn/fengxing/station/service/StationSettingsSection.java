package cn.fengxing.station.service;

import cn.fengxing.station.api.StationSettingsSpec;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Manifest section {@code stationSettings}: {grades, amenities, services}, each list optional. */
@ApplicationScoped
public class StationSettingsSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    StationSettingsService settings;

    @Override
    public String key() {
        return "stationSettings";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return settings.apply(reader.object(key(), section, StationSettingsSpec.class));
    }
}
