package cn.fengxing.helm;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static cn.fengxing.helm.Rendered.hook;
import static org.assertj.core.api.Assertions.assertThat;

/** Every credential reaches the pods from a Secret: the chart's, or one the operators keep (existingSecret). */
class CredentialsTest {

    /** The credentials of ci/production-values.yaml. */
    private static final List<String> PRODUCTION_CREDENTIALS = List.of("app-password-production",
            "owner-password-production", "tenant-admin-secret-production", "identity-secret-production",
            "access-key-production", "secret-key-production");

    @Test
    void noCredentialIsWrittenOutsideASecret() {
        Rendered rendered = withTownship(Chart.with("production")).render();
        for (HasMetadata object : rendered.objects()) {
            if (object instanceof Secret) {
                continue;
            }
            String yaml = io.fabric8.kubernetes.client.utils.Serialization.asYaml(object);
            for (String credential : PRODUCTION_CREDENTIALS) {
                assertThat(yaml).as("%s %s", object.getKind(), object.getMetadata().getName()).doesNotContain(credential);
            }
        }
        assertThat(rendered.yaml()).contains(base64("app-password-production"), base64("secret-key-production"));
    }

    @Test
    void everySecretEnvironmentVariableReferencesASecret() {
        Rendered rendered = withTownship(Chart.with("production")).render();
        List<EnvVar> credentials = rendered.containers().flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getName().matches(".*(PASSWORD|SECRET|ACCESS_KEY).*")).toList();
        assertThat(credentials).extracting(EnvVar::getName).contains("QUARKUS_DATASOURCE_PASSWORD",
                "QUARKUS_LIQUIBASE_PASSWORD", "FENGXING_CLIENT_SECRET", "FENGXING_IDENTITY_KEYCLOAK_CLIENT_SECRET",
                "FENGXING_STORAGE_S3_ACCESS_KEY",
                "FENGXING_STORAGE_S3_SECRET_KEY");
        assertThat(credentials).allSatisfy(env -> {
            assertThat(env.getValue()).as(env.getName()).isNull();
            assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
        });
    }

    @Test
    void theOwnersPasswordExistsOnlyWhileTheMigrationRuns() {
        Rendered rendered = Chart.with("minimal").render();
        Secret chartSecret = rendered.get(Secret.class, Chart.FULLNAME);
        assertThat(chartSecret.getData()).containsOnlyKeys("database-app-password");
        assertThat(hook(chartSecret, "")).isNull();

        Secret migrations = rendered.get(Secret.class, Chart.FULLNAME + "-migrations");
        assertThat(decode(migrations.getData())).containsExactly(Map.entry("database-owner-password", "owner-password-minimal"));
        assertThat(hook(migrations, "")).isEqualTo("pre-install,pre-upgrade");
        assertThat(hook(migrations, "-delete-policy")).contains("hook-succeeded");
        assertThat(Integer.parseInt(hook(migrations, "-weight")))
                .isLessThan(Integer.parseInt(hook(rendered.get(Job.class, Chart.FULLNAME + "-migrations"), "-weight")));
    }

    @Test
    void existingSecretReplacesEveryChartSecret() {
        Rendered rendered = withTownship(Chart.with("existing-secret")).render();
        assertThat(rendered.all(Secret.class)).isEmpty();
        List<String> referenced = rendered.containers().flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey())
                .distinct().toList();
        assertThat(referenced).containsExactlyInAnyOrder("fengxing-credentials/database-app-password",
                "fengxing-credentials/database-owner-password", "fengxing-credentials/tenant-admin-client-secret",
                "fengxing-credentials/identity-client-secret",
                "fengxing-credentials/s3-access-key", "fengxing-credentials/s3-secret-key");
        // no checksum of a Secret the chart does not render
        assertThat(rendered.api().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("checksum/config").doesNotContainKey("checksum/secret");
    }

    @Test
    void aChangedCredentialRollsTheApiPods() {
        String before = checksum(Chart.with("minimal").render());
        String after = checksum(Chart.with("minimal").set("database.app.password", "rotated").render());
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void refusesToRunWithoutTheCredentials() {
        assertThat(Chart.with("minimal").set("database.app.password", "").failure())
                .contains("database.app.password is required");
        assertThat(Chart.with("minimal").set("database.owner.password", "").failure())
                .contains("database.owner.password is required");
        assertThat(Chart.with("townships").set("oidc.tenantAdmin.clientSecret", "").failure())
                .contains("oidc.tenantAdmin.clientSecret is required");
        assertThat(Chart.with("production").set("identity.keycloak.clientSecret", "").failure())
                .contains("identity.keycloak.clientSecret is required with identity.provider=keycloak");
    }

    @Test
    void anOidcProviderOtherThanKeycloakNeedsNoProvisioningClient() {
        Rendered rendered = Chart.with("minimal").render();
        assertThat(rendered.settings()).containsEntry("FENGXING_IDENTITY_PROVIDER", "none")
                .doesNotContainKey("FENGXING_IDENTITY_KEYCLOAK_CLIENT_ID");
        assertThat(rendered.apiContainer().getEnv()).extracting(EnvVar::getName)
                .doesNotContain("FENGXING_IDENTITY_KEYCLOAK_CLIENT_SECRET");
    }

    /** A township, so that the townships Job (and its client secret) is rendered too. */
    private static Chart withTownship(Chart chart) {
        return chart.set("tenants.gongcheng.name", "工程街道").set("tenants.gongcheng.region[0]", "黑龙江省");
    }

    private static String checksum(Rendered rendered) {
        return rendered.api().getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/secret");
    }

    private static Map<String, String> decode(Map<String, String> data) {
        return data.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
