package cn.fengxing.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.fengxing.helm.Rendered.envValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The trial's PostgreSQL and Keycloak, as resources of their operators (ci/trial-values.yaml). */
@SuppressWarnings("unchecked")
class TrialTest {

    private static final String CLUSTER = Chart.FULLNAME + "-db";
    private static final String KEYCLOAK = Chart.FULLNAME + "-keycloak";

    private final Rendered trial = Chart.with("trial").render();

    @Test
    void makesTheDatabaseWithBothRoles() {
        GenericKubernetesResource cluster = trial.custom("Cluster", CLUSTER);
        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        Map<String, Object> spec = spec(cluster);
        Map<String, Object> initdb = (Map<String, Object>) ((Map<String, Object>) spec.get("bootstrap")).get("initdb");
        assertThat(initdb).containsEntry("database", "fengxing").containsEntry("owner", "fengxing_owner")
                .containsEntry("secret", Map.of("name", CLUSTER + "-owner"));
        List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) spec.get("managed")).get("roles");
        assertThat(roles).singleElement().satisfies(role -> assertThat(role).containsEntry("name", "fengxing_app")
                .containsEntry("login", true).containsEntry("superuser", false).containsEntry("bypassrls", false)
                .containsEntry("passwordSecret", Map.of("name", CLUSTER + "-app")));
        for (String role : List.of("owner", "app")) {
            Secret secret = trial.get(Secret.class, CLUSTER + "-" + role);
            assertThat(secret.getType()).isEqualTo("kubernetes.io/basic-auth");
            assertThat(secret.getData()).containsOnlyKeys("username", "password");
        }
        assertThat(envValue(trial.apiContainer(), "QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo("jdbc:postgresql://" + CLUSTER + "-rw:5432/fengxing");
    }

    @Test
    void mergesFurtherClusterSpec() {
        Rendered rendered = Chart.with("trial").set("postgresql.cnpg.instances", 3)
                .set("postgresql.cnpg.spec.backup.retentionPolicy", "30d").render();
        Map<String, Object> spec = spec(rendered.custom("Cluster", CLUSTER));
        assertThat(spec).containsEntry("instances", 3);
        assertThat((Map<String, Object>) spec.get("backup")).containsEntry("retentionPolicy", "30d");
    }

    @Test
    void runsKeycloakOnItsOwnDatabase() {
        GenericKubernetesResource keycloak = trial.custom("Keycloak", KEYCLOAK);
        assertThat(keycloak.getApiVersion()).isEqualTo("k8s.keycloak.org/v2alpha1");
        Map<String, Object> spec = spec(keycloak);
        Map<String, Object> db = (Map<String, Object>) spec.get("db");
        assertThat(db).containsEntry("vendor", "postgres").containsEntry("host", KEYCLOAK + "-db-rw")
                .containsEntry("passwordSecret", Map.of("name", KEYCLOAK + "-db-app", "key", "password"));
        assertThat(trial.custom("Cluster", KEYCLOAK + "-db")).isNotNull();
        assertThat((Map<String, Object>) spec.get("hostname")).containsEntry("hostname", "https://id.trial.example.com");
    }

    @Test
    void importsTheRealmWithTheClientSecretFromTheSecret() {
        GenericKubernetesResource realmImport = trial.custom("KeycloakRealmImport", KEYCLOAK + "-fengxing");
        Map<String, Object> spec = spec(realmImport);
        assertThat(spec).containsEntry("keycloakCRName", KEYCLOAK);
        assertThat((Map<String, Object>) spec.get("placeholders")).containsEntry("TENANT_ADMIN_CLIENT_SECRET",
                Map.of("secret", Map.of("name", Chart.FULLNAME, "key", "tenant-admin-client-secret")));
        Map<String, Object> realm = (Map<String, Object>) spec.get("realm");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        assertThat(clients).extracting(c -> c.get("clientId"))
                .containsExactly("fengxing-web", "tenant-admin", "fengxing-provisioner");
        assertThat(clients.get(0)).containsEntry("publicClient", true).containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("redirectUris", List.of("https://fengxing.trial.example.com/*"));
        assertThat(clients.get(1)).containsEntry("secret", "${TENANT_ADMIN_CLIENT_SECRET}")
                .containsEntry("serviceAccountsEnabled", true);
        assertThat(trial.yaml()).doesNotContain("tenant-admin-secret-trial");
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.get("users");
        assertThat(users).hasSize(2);
        assertThat(users.get(0)).containsEntry("id", "00000000-0000-4000-8000-000000000002")
                .containsEntry("serviceAccountClientId", "tenant-admin");
    }

    @Test
    void theProvisioningClientMayOnlyFindAndCreateUsers() {
        Map<String, Object> realm = (Map<String, Object>) spec(trial.custom("KeycloakRealmImport", KEYCLOAK + "-fengxing"))
                .get("realm");
        Map<String, Object> client = ((List<Map<String, Object>>) realm.get("clients")).get(2);
        assertThat(client).containsEntry("secret", "${IDENTITY_CLIENT_SECRET}").containsEntry("serviceAccountsEnabled", true)
                .containsEntry("standardFlowEnabled", false).containsEntry("directAccessGrantsEnabled", false);
        Map<String, Object> account = ((List<Map<String, Object>>) realm.get("users")).get(1);
        assertThat(account).containsEntry("serviceAccountClientId", "fengxing-provisioner")
                .containsEntry("clientRoles", Map.of("realm-management", List.of("manage-users", "view-users", "query-users")));
        assertThat((Map<String, Object>) spec(trial.custom("KeycloakRealmImport", KEYCLOAK + "-fengxing")).get("placeholders"))
                .containsEntry("IDENTITY_CLIENT_SECRET",
                        Map.of("secret", Map.of("name", Chart.FULLNAME, "key", "identity-client-secret")));
        assertThat(trial.yaml()).doesNotContain("identity-secret-trial");
        assertThat(trial.settings()).containsEntry("FENGXING_IDENTITY_PROVIDER", "keycloak")
                .containsEntry("FENGXING_IDENTITY_KEYCLOAK_CLIENT_ID", "fengxing-provisioner");
    }

    @Test
    void signsInAgainstTheTrialRealmAndMakesItsServiceAccountOperator() {
        assertThat(envValue(trial.apiContainer(), "QUARKUS_OIDC_AUTH_SERVER_URL"))
                .isEqualTo("https://id.trial.example.com/realms/fengxing");
        assertThat(trial.settings()).containsEntry("FENGXING_BOOTSTRAP_OPERATORS", "00000000-0000-4000-8000-000000000002");
    }

    @Test
    void writesNoStatefulSetOfItsOwn() {
        assertThat(trial.kinds()).doesNotContain("StatefulSet")
                .contains("Cluster", "Keycloak", "KeycloakRealmImport");
    }

    @Test
    void refusesTheTrialDatabaseWithAnExistingSecret() {
        assertThat(Chart.with("trial").set("existingSecret", "mine").failure())
                .contains("leave existingSecret empty for the trial database");
    }

    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
