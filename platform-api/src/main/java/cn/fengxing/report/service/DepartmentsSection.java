package cn.fengxing.report.service;

import cn.fengxing.report.api.DepartmentInput;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Manifest section {@code departments}: [{code, name, contacts: [{name, phone, duty}], active}]. */
@ApplicationScoped
public class DepartmentsSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    Departments departments;

    @Override
    public String key() {
        return "departments";
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return departments.apply(reader.list(key(), section, DepartmentInput.class));
    }
}
