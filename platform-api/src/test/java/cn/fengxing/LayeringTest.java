package cn.fengxing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The base packages are layered, lowest first: common ← tenancy ← identity ← audit (docs/architecture.md).
 * Each may use only itself and the ones below it, never a feature package; features use any base package.
 */
class LayeringTest {

    static final List<String> BASE = List.of("common", "tenancy", "identity", "audit");

    /** Classes of base package {@code BASE[level]} depend on nothing above it and on no feature package. */
    static ArchRule downwardsOnly(int level) {
        String[] allowed = BASE.subList(0, level + 1).stream().map(p -> "cn.fengxing." + p + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("cn.fengxing." + BASE.get(level) + "..")
                .should().dependOnClassesThat(resideInAPackage("cn.fengxing..").and(resideOutsideOfPackages(allowed)))
                .because("the base packages are layered common ← tenancy ← identity ← audit, below every feature");
    }

    @Test
    void basePackagesDependOnlyDownwards() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.fengxing");
        for (int level = 0; level < BASE.size(); level++) {
            downwardsOnly(level).check(main);
        }
    }

    @Test
    void anUpwardImportFails() {
        JavaClasses upward = new ClassFileImporter().importClasses(cn.fengxing.common.UpwardImportExample.class);
        assertThatThrownBy(() -> downwardsOnly(0).check(upward)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("cn.fengxing.identity.Role");
    }
}
