package cn.fengxing.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import static cn.fengxing.helm.Rendered.env;
import static cn.fengxing.helm.Rendered.envValue;
import static cn.fengxing.helm.Rendered.hook;
import static org.assertj.core.api.Assertions.assertThat;

/** Liquibase runs once per release, as the schema owner, in a hook Job: never in the API pods. */
class MigrationsTest {

    private static final String JOB = Chart.FULLNAME + "-migrations";

    @Test
    void runsBeforeEveryInstallAndUpgrade() {
        Job job = Chart.with("minimal").render().get(Job.class, JOB);
        assertThat(hook(job, "")).isEqualTo("pre-install,pre-upgrade");
        assertThat(hook(job, "-delete-policy")).isEqualTo("before-hook-creation,hook-succeeded");
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void migratesAsTheOwnerAndExits() {
        Rendered rendered = Chart.with("minimal").render();
        Container migrations = rendered.get(Job.class, JOB).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(migrations.getImage()).isEqualTo(rendered.apiContainer().getImage()).isEqualTo("fengxing/platform-api:0.1.0");
        assertThat(envValue(migrations, "QUARKUS_INIT_AND_EXIT")).isEqualTo("true");
        assertThat(envValue(migrations, "QUARKUS_LIQUIBASE_ENABLED")).isEqualTo("true");
        assertThat(envValue(migrations, "QUARKUS_LIQUIBASE_MIGRATE_AT_START")).isEqualTo("true");
        assertThat(envValue(migrations, "QUARKUS_LIQUIBASE_USERNAME")).isEqualTo("fengxing_owner");
        assertThat(env(migrations, "QUARKUS_LIQUIBASE_PASSWORD").orElseThrow().getValueFrom().getSecretKeyRef().getName())
                .isEqualTo(Chart.FULLNAME + "-migrations");
        // the migrations grant their tables to the application role by this name; its password is not needed
        assertThat(envValue(migrations, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("fengxing_app");
        assertThat(env(migrations, "QUARKUS_DATASOURCE_PASSWORD")).isEmpty();
        assertThat(envValue(migrations, "QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo(envValue(rendered.apiContainer(), "QUARKUS_DATASOURCE_JDBC_URL"));
        assertThat(migrations.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    }

    @Test
    void canBeLeftToTheOperators() {
        Rendered rendered = Chart.with("minimal").set("migrations.enabled", false).render();
        assertThat(rendered.find(Job.class, JOB)).isEmpty();
        assertThat(rendered.kinds()).containsOnlyOnce("Secret");
    }

    @Test
    void waitsForTheTrialDatabaseOfTheRelease() {
        Job job = Chart.with("trial").render().get(Job.class, JOB);
        // the database is made by the install itself, so a pre-install Job would wait for it forever
        assertThat(hook(job, "")).isEqualTo("post-install,pre-upgrade");
        assertThat(job.getSpec().getBackoffLimit()).isGreaterThanOrEqualTo(6);
    }
}
