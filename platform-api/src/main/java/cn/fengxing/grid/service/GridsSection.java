package cn.fengxing.grid.service;

import cn.fengxing.tenancy.service.ManifestSection;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Manifest section {@code grids}: a GeoJSON FeatureCollection, imported like the console's import. */
@ApplicationScoped
public class GridsSection implements ManifestSection {

    @Inject
    GridService grids;

    @Override
    public String key() {
        return "grids";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return grids.importFeatures(section);
    }
}
