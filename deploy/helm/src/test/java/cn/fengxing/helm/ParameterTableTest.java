package cn.fengxing.helm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md's parameter table is the one values.yaml makes. To rewrite it after changing values.yaml:
 * {@code ./mvnw -o -B -pl deploy/helm verify -Dfengxing.readme.write=true}.
 */
class ParameterTableTest {

    private static final Path README = Chart.DIR.resolve("README.md");

    private final ParameterTable table = ParameterTable.read(Chart.DIR.resolve("values.yaml"));

    ParameterTableTest() throws IOException {
    }

    @Test
    void readmeShowsTheTableOfValuesYaml() throws IOException {
        String expected = table.into(Files.readString(README));
        if (Boolean.getBoolean("fengxing.readme.write")) {
            Files.writeString(README, expected);
        }
        String readme = Files.readString(README);
        assertThat(readme).as("README.md's parameter table differs from values.yaml's: rewrite it with "
                + "./mvnw -o -B -pl deploy/helm verify -Dfengxing.readme.write=true").isEqualTo(expected);
    }

    @Test
    void everyParameterNamesAValue() {
        assertThat(table.params()).allSatisfy(param ->
                assertThat(table.value(param.key()).isMissingNode()).as(param.key() + " is not in values.yaml").isFalse());
        assertThat(table.params()).allSatisfy(param -> assertThat(param.description()).as(param.key()).isNotBlank());
    }

    @Test
    void everyValueIsDocumented() {
        List<String> documented = table.params().stream().map(ParameterTable.Param::key).toList();
        assertThat(table.leaves()).allSatisfy(leaf -> assertThat(documented)
                .as("values.yaml's %s has no ## @param line (for it or a key above it)", leaf)
                .anyMatch(key -> leaf.equals(key) || leaf.startsWith(key + ".")));
    }

    @Test
    void tableShowsDefaults() {
        List<String> rows = table.markdown().lines().toList();
        assertThat(row(rows, "replicaCount")).endsWith("| `1` |");
        assertThat(row(rows, "database.app.username")).endsWith("| `fengxing_app` |");
        assertThat(row(rows, "image.tag")).endsWith("| `\"\"` |");
        assertThat(row(rows, "storage.persistence.accessModes")).endsWith("| `[\"ReadWriteMany\"]` |");
    }

    private static String row(List<String> rows, String key) {
        return rows.stream().filter(r -> r.startsWith("| `" + key + "` |")).findFirst().orElseThrow();
    }
}
