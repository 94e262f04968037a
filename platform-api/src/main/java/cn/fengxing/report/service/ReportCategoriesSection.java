package cn.fengxing.report.service;

import cn.fengxing.report.api.CategoryInput;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Manifest section {@code reportCategories}: [{code, nameZh, nameEn, parent, urgent, emergencyStop,
 * hotlineText, active, sortOrder}]. Absent, the township gets the default categories, once.
 */
@ApplicationScoped
public class ReportCategoriesSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    ReportCategories categories;

    @Override
    public String key() {
        return "reportCategories";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return categories.apply(reader.list(key(), section, CategoryInput.class), key());
    }

    @Override
    public List<String> applyAbsent() {
        return categories.seedDefaults();
    }
}
