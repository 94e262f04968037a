package cn.fengxing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo realm imported into the real Keycloak: one start (in memory) for the whole class. */
class LocalKeycloakTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalKeycloak keycloak;

    @BeforeAll
    static void start() {
        Path project = Path.of(System.getProperty("fengxing.project.dir", "../..")).toAbsolutePath().normalize();
        keycloak = LocalKeycloak.start(LocalKeycloak.defaultHome(), 0, 0, false,
                project.resolve("deploy/demo/keycloak/fengxing-realm.json"),
                Path.of("target/keycloak-test.log"));
        System.out.println("Keycloak ready in " + keycloak.startTime().toMillis() + " ms: " + keycloak);
    }

    @AfterAll
    static void stop() {
        if (keycloak == null) {
            return;
        }
        ProcessHandle kcSh = ProcessHandle.of(keycloak.pid()).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(kcSh.descendants().toList());
        tree.add(kcSh);
        keycloak.close();
        for (ProcessHandle p : tree) {
            assertFalse(p.isAlive(), "process " + p.pid() + " still alive after close");
        }
    }

    @Test
    void aDemoUserSignsInWithThePasswordGrantAndItsSubjectIsFixed() throws Exception {
        JsonNode claims = claims(keycloak.userAccessToken(DemoRealm.RIDER_USERNAME, DemoRealm.PASSWORD));
        assertEquals(DemoRealm.RIDER_SUBJECT, claims.path("sub").asText());
        assertEquals(DemoRealm.RIDER_USERNAME, claims.path("preferred_username").asText());
        assertEquals(keycloak.issuer(), claims.path("iss").asText());
        assertEquals(DemoRealm.WEB_CLIENT_ID, claims.path("azp").asText());
        assertTrue(audiences(claims).contains(DemoRealm.API_AUDIENCE), claims.toString());
        assertEquals(300, claims.path("exp").asLong() - claims.path("iat").asLong(), "access token lifespan");
        assertEquals("郑", claims.path("family_name").asText());
    }

    @Test
    void theTenantAdminClientGetsAClientCredentialsTokenForItsServiceAccount() throws Exception {
        JsonNode claims = claims(keycloak.clientAccessToken(DemoRealm.TENANT_ADMIN_CLIENT_ID,
                DemoRealm.TENANT_ADMIN_CLIENT_SECRET));
        assertEquals(DemoRealm.TENANT_ADMIN_SERVICE_ACCOUNT_SUBJECT, claims.path("sub").asText());
        assertEquals(DemoRealm.TENANT_ADMIN_SERVICE_ACCOUNT_USERNAME, claims.path("preferred_username").asText());
        assertEquals(DemoRealm.TENANT_ADMIN_CLIENT_ID, claims.path("azp").asText());
        assertTrue(audiences(claims).contains(DemoRealm.API_AUDIENCE), claims.toString());
    }

    @Test
    void everyDemoPersonHasTheSubjectOfDemoRealm() throws Exception {
        for (DemoRealm.User user : DemoRealm.PEOPLE) {
            JsonNode claims = claims(keycloak.userAccessToken(user.username(), DemoRealm.PASSWORD));
            assertEquals(user.subject(), claims.path("sub").asText(), user.username());
            assertTrue(claims.path("email_verified").asBoolean(), user.username());
        }
    }

    @Test
    void theWebClientRequiresPkceS256() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String auth = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=" + DemoRealm.WEB_CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode("http://localhost:8080/", StandardCharsets.UTF_8);

        HttpResponse<String> withoutPkce = http.send(HttpRequest.newBuilder(URI.create(auth)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, withoutPkce.statusCode());
        String location = withoutPkce.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("http://localhost:8080/") && location.contains("error=invalid_request"),
                location);

        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(
                        "a-verifier-of-at-least-43-characters-0123456789".getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> withPkce = http.send(HttpRequest.newBuilder(URI.create(
                        auth + "&code_challenge_method=S256&code_challenge=" + challenge)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withPkce.statusCode(), "login page");
        assertTrue(withPkce.body().contains("lang=\"zh-CN\""), "login page in zh-CN by default");
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, jwt);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> out = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> out.add(a.asText()));
        } else if (aud.isTextual()) {
            out.add(aud.asText());
        }
        return out;
    }
}
