package cn.fengxing.e2e;

import cn.fengxing.local.DemoRealm;
import cn.fengxing.local.LocalKeycloak;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The API verifying tokens of the real Keycloak (the local stack's distribution and demo realm). */
public class KeycloakProfile implements QuarkusTestProfile {

    /**
     * A fixed port listed among the demo realm's redirect URIs (8089–8093), so a browser can sign in;
     * {@code -De2e.port=8090} lets two checkouts run their browser tests side by side.
     */
    public static final int API_PORT = Integer.getInteger("e2e.port", 8089);

    @Override
    public Map<String, String> getConfigOverrides() {
        // the read model of regional comparison, riders' points and care pairing's alerts kept up to date as in a
        // running platform
        return Map.of("quarkus.http.test-port", String.valueOf(API_PORT), "%test.fengxing.figures.refresh-every", "2s",
                "%test.fengxing.points.sweep-every", "2s", "%test.fengxing.pairing.sweep-every", "5s");
    }

    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }

    public static class KeycloakResource implements QuarkusTestResourceLifecycleManager {

        static LocalKeycloak keycloak;

        @Override
        public Map<String, String> start() {
            keycloak = LocalKeycloak.start(LocalKeycloak.defaultHome(PROJECT.resolve(".local")), 0, 0, false,
                    PROJECT.resolve("deploy/demo/keycloak/fengxing-realm.json"),
                    PROJECT.resolve("platform-api/target/keycloak-e2e.log"));
            return Map.of(
                    "quarkus.oidc.auth-server-url", keycloak.issuer(),
                    "quarkus.oidc.token.issuer", keycloak.issuer(),
                    "quarkus.oidc.token.audience", DemoRealm.API_AUDIENCE,
                    "fengxing.bootstrap.operators", String.join(",", DemoRealm.BOOTSTRAP_OPERATOR_SUBJECTS),
                    // staff named by username, phone or e-mail get accounts in the demo realm
                    "fengxing.identity.provider", "keycloak",
                    "%test.fengxing.identity.provider", "keycloak",
                    "fengxing.identity.keycloak.client-id", DemoRealm.PROVISIONER_CLIENT_ID,
                    "fengxing.identity.keycloak.client-secret", DemoRealm.PROVISIONER_CLIENT_SECRET);
        }

        @Override
        public void stop() {
            if (keycloak != null) {
                keycloak.close();
                keycloak = null;
            }
        }
    }
}
