package cn.fengxing.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code helm lint --strict} over each value set of ci/; the chart alone lacks what every installation sets. */
class LintTest {

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "production", "existing-secret", "trial", "townships"})
    void passes(String set) {
        LintResult result = Chart.with(set).lint();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void failsWithoutTheValuesEveryInstallationSets() {
        LintResult result = Chart.with().lint();
        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("database").contains("host");
    }

    @Test
    void failsOnValuesTheSchemaRefuses() {
        LintResult result = Chart.with("minimal").set("replicaCount", "two").lint();
        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("replicaCount");
    }
}
