package cn.fengxing.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The README's parameter table, made from values.yaml: {@code ## @section Title} starts a table (the {@code ## }
 * lines after it introduce it), {@code ## @param key description} is a row, its default read from the values.
 */
final class ParameterTable {

    static final String START = "<!-- parameters: generated from values.yaml by ParameterTableTest; do not edit -->";
    static final String END = "<!-- end of parameters -->";

    record Param(String key, String description) {
    }

    record Section(String title, List<String> introduction, List<Param> params) {
    }

    private final List<Section> sections;
    private final JsonNode values;

    private ParameterTable(List<Section> sections, JsonNode values) {
        this.sections = sections;
        this.values = values;
    }

    static ParameterTable read(Path valuesFile) throws IOException {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (String line : Files.readAllLines(valuesFile)) {
            if (line.startsWith("## @section ")) {
                current = new Section(line.substring("## @section ".length()).strip(), new ArrayList<>(), new ArrayList<>());
                sections.add(current);
            } else if (line.startsWith("## @param ")) {
                String[] parts = line.substring("## @param ".length()).strip().split(" ", 2);
                if (current == null) {
                    throw new IllegalStateException("@param " + parts[0] + " before any @section");
                }
                current.params().add(new Param(parts[0], parts.length > 1 ? parts[1].strip() : ""));
            } else if (line.startsWith("## ") && current != null && current.params().isEmpty()) {
                current.introduction().add(line.substring(3).strip());
            }
        }
        return new ParameterTable(sections, new ObjectMapper(new YAMLFactory()).readTree(valuesFile.toFile()));
    }

    List<Param> params() {
        return sections.stream().flatMap(s -> s.params().stream()).toList();
    }

    /** The value at a dotted key; missing if values.yaml has no such key. */
    JsonNode value(String key) {
        JsonNode node = values;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Dotted keys of every scalar, empty object and list in values.yaml. */
    List<String> leaves() {
        List<String> leaves = new ArrayList<>();
        collect("", values, leaves);
        return leaves;
    }

    private static void collect(String prefix, JsonNode node, List<String> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves);
            }
        } else {
            leaves.add(prefix);
        }
    }

    /** The Markdown of every section, between the README's markers. */
    String markdown() {
        StringBuilder md = new StringBuilder(START).append("\n");
        for (Section section : sections) {
            md.append("\n### ").append(section.title()).append("\n\n");
            if (!section.introduction().isEmpty()) {
                md.append(String.join(" ", section.introduction())).append("\n\n");
            }
            md.append("| parameter | description | default |\n|---|---|---|\n");
            for (Param param : section.params()) {
                md.append("| `").append(param.key()).append("` | ").append(cell(param.description())).append(" | `")
                        .append(cell(defaultOf(value(param.key())))).append("` |\n");
            }
        }
        return md.append("\n").append(END).toString();
    }

    /** README.md with its table replaced by this one. */
    String into(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("README.md has no parameter markers: " + START + " … " + END);
        }
        return readme.substring(0, start) + markdown() + readme.substring(end + END.length());
    }

    private static String defaultOf(JsonNode value) {
        return value.isTextual() ? (value.asText().isEmpty() ? "\"\"" : value.asText()) : value.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
