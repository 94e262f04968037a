package cn.fengxing.region;

import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a comparison answer the way its client does: a row's value lists keyed by the comparison's figures. */
public final class ComparisonJson {

    private ComparisonJson() {
    }

    /** The township's values for the period, by figure key. */
    public static Map<String, Object> values(JsonPath comparison, String code) {
        return byKey(comparison, comparison.getList("rows.find { it.code == '" + code + "' }.values"));
    }

    /** Values of the row (a township's or the region's), by figure key. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> values(JsonPath comparison, Map<String, Object> row) {
        return byKey(comparison, (List<Object>) row.get("values"));
    }

    private static Map<String, Object> byKey(JsonPath comparison, List<Object> values) {
        List<String> keys = comparison.getList("figures.key");
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), values.get(i));
        }
        return out;
    }
}
