package cn.fengxing.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart {@code deploy/helm/fengxing} rendered by the Helm library that helm-java embeds: {@code helm template}
 * with value files from {@code ci/} plus single values, and {@code helm lint} over the same values.
 *
 * <p>helm-java's template returns the release's manifest without its hooks (the migration and townships Jobs), so
 * templates are rendered from a copy of the chart whose {@code helm.sh/hook*} annotations are renamed to
 * {@link #HOOK}{@code *}: Helm then renders the hooks as ordinary objects, their annotations kept under that name.
 */
final class Chart {

    static final Path DIR = Path.of(System.getProperty("fengxing.chart.dir", "fengxing")).toAbsolutePath().normalize();
    static final String RELEASE = "fx";
    static final String NAMESPACE = "fengxing";
    /** The release's full name, the prefix of every object's name. */
    static final String FULLNAME = RELEASE + "-fengxing";
    /** The cluster version rendered for (Helm's own default is older than the chart supports). */
    static final String KUBE_VERSION = "1.31.0";

    /** What {@code helm.sh/hook} is called in the rendered copy. */
    static final String HOOK = "rendered.fengxing.cn/hook";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path WORK = Path.of(System.getProperty("fengxing.chart.work", "target/chart-work"));
    private static final Path WITH_HOOKS_AS_OBJECTS = copyWithHooksAsObjects();

    private final List<Path> valueFiles = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();

    private Chart() {
    }

    /** The chart with the value files of {@code ci/} named, in order (e.g. "minimal"). */
    static Chart with(String... ciValueSets) {
        Chart chart = new Chart();
        for (String set : ciValueSets) {
            chart.valueFiles.add(ciValues(set));
        }
        return chart;
    }

    static Path ciValues(String set) {
        return DIR.resolve("ci").resolve(set + "-values.yaml");
    }

    /** A single value, as {@code --set key=value}. */
    Chart set(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** A file's content as a value, as {@code --set-file key=path}. */
    Chart setFile(String key, Path file) {
        files.put(key, file);
        return this;
    }

    /** A further values file. */
    Chart values(Path file) {
        valueFiles.add(file);
        return this;
    }

    /** {@code helm template}; a failure (schema, a required value, a check of the chart) throws. */
    Rendered render() {
        TemplateCommand template = new Helm(WITH_HOOKS_AS_OBJECTS).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        valueFiles.forEach(template::withValuesFile);
        values.forEach(template::set);
        files.forEach(template::setFile);
        return Rendered.parse(template.call());
    }

    /** NOTES.txt as an install prints it (a client-side dry run: no cluster). */
    String notes() {
        InstallCommand install = new Helm(DIR).install().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION).dryRun().clientOnly();
        valueFiles.forEach(install::withValuesFile);
        values.forEach(install::set);
        files.forEach(install::setFile);
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    /** The message of a {@code helm template} that must fail. */
    String failure() {
        try {
            render();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("helm template succeeded with values that it should refuse: " + valueFiles + " " + values);
    }

    /**
     * {@code helm lint}: helm-java's lint takes no values, so the chart is copied and its values.yaml replaced by
     * the chart's own with these values merged over them (files first, then single values).
     */
    LintResult lint() {
        try {
            Path copy = Files.createTempDirectory(Files.createDirectories(WORK), "lint-").resolve("fengxing");
            copyTree(DIR, copy);
            ObjectNode merged = (ObjectNode) YAML.readTree(DIR.resolve("values.yaml").toFile());
            for (Path file : valueFiles) {
                merge(merged, YAML.readTree(file.toFile()));
            }
            for (Map.Entry<String, Object> value : values.entrySet()) {
                merge(merged, YAML.valueToTree(nested(value.getKey(), value.getValue())));
            }
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyWithHooksAsObjects() {
        try {
            Path copy = Files.createDirectories(WORK).resolve("hooks-as-objects");
            if (Files.exists(copy)) {
                try (Stream<Path> old = Files.walk(copy)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            copyTree(DIR, copy);
            try (Stream<Path> templates = Files.list(copy.resolve("templates"))) {
                for (Path template : templates.toList()) {
                    Files.writeString(template, Files.readString(template).replace("helm.sh/hook", HOOK));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> nested(String dottedKey, Object value) {
        int dot = dottedKey.indexOf('.');
        return dot < 0 ? Map.of(dottedKey, value)
                : Map.of(dottedKey.substring(0, dot), nested(dottedKey.substring(dot + 1), value));
    }

    /** Helm's coalescing of values: objects merge key by key, anything else replaces. */
    private static void merge(ObjectNode target, JsonNode source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
