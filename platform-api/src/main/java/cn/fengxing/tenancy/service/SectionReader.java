package cn.fengxing.tenancy.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;

/** Reads a manifest section into checked records; a bad entry names its field ("stations[2].name"). */
@ApplicationScoped
public class SectionReader {

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    public <T> List<T> list(String key, JsonNode section, Class<T> type) {
        if (!section.isArray()) {
            throw ProblemException.invalid(List.of(new Violation(key, "manifest.section-list", key)));
        }
        List<T> items = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < section.size(); i++) {
            T item = read(key + "[" + i + "]", section.get(i), type, violations);
            if (item != null) {
                items.add(item);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return items;
    }

    /** An object-valued section (e.g. {@code sla}), checked like one list entry. */
    public <T> T object(String key, JsonNode section, Class<T> type) {
        if (!section.isObject()) {
            throw ProblemException.invalid(List.of(new Violation(key, "manifest.section-object", key)));
        }
        List<Violation> violations = new ArrayList<>();
        T item = read(key, section, type, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return item;
    }

    private <T> T read(String field, JsonNode node, Class<T> type, List<Violation> violations) {
        T item;
        try {
            item = json.treeToValue(node, type);
        } catch (Exception e) {
            violations.add(new Violation(field, "malformed.value"));
            return null;
        }
        for (ConstraintViolation<T> v : validator.validate(item)) {
            violations.add(new Violation(field + "." + v.getPropertyPath(), "manifest.invalid", v.getMessage()));
        }
        return item;
    }
}
