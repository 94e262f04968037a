package cn.fengxing.station.service;

import cn.fengxing.station.api.StationInput;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Manifest section {@code stations}: stations as the API takes them, matched by code (after stationSettings). */
@ApplicationScoped
public class StationsSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    StationService stations;

    @Override
    public String key() {
        return "stations";
    }

    @Override
    public int order() {
        return 51;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return stations.apply(reader.list(key(), section, StationInput.class));
    }
}
