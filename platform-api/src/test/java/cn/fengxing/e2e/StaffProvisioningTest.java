package cn.fengxing.e2e;

import cn.fengxing.local.DemoRealm;
import cn.fengxing.local.LocalKeycloak;
import cn.fengxing.support.TestTenants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/**
 * Accounts provisioned in the real Keycloak: a manifest naming its admin by username creates the account (enabled,
 * UPDATE_PASSWORD required, no password) once, a dry run creates none; once the person has set a password they sign
 * in and read their township's grids, and invite a dispatcher by username whose account is created the same way.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class StaffProvisioningTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalKeycloak keycloak() {
        return KeycloakProfile.KeycloakResource.keycloak;
    }

    /** Users of the demo realm with exactly this username, through the admin API as the provisioning client. */
    static JsonNode users(String username) throws IOException, InterruptedException {
        return admin(HttpRequest.newBuilder(URI.create(adminUsers() + "?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET(), 200);
    }

    static String adminUsers() {
        return keycloak().baseUrl() + "/admin/realms/" + DemoRealm.REALM + "/users";
    }

    static JsonNode admin(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        String token = keycloak().clientAccessToken(DemoRealm.PROVISIONER_CLIENT_ID, DemoRealm.PROVISIONER_CLIENT_SECRET);
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /**
     * What the person does at first sign-in, here through the admin API: sets their password (which completes the
     * required action UPDATE_PASSWORD) and, as the realm's user profile asks for an e-mail, gives one.
     */
    static void firstSignIn(String userId, String password) throws IOException, InterruptedException {
        admin(HttpRequest.newBuilder(URI.create(adminUsers() + "/" + userId + "/reset-password"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("type", "password", "value", password, "temporary", false)))), 204);
        com.fasterxml.jackson.databind.node.ObjectNode user = (com.fasterxml.jackson.databind.node.ObjectNode)
                admin(HttpRequest.newBuilder(URI.create(adminUsers() + "/" + userId)).GET(), 200);
        assertThat(user.path("requiredActions").toString()).doesNotContain("UPDATE_PASSWORD");
        user.put("email", user.path("username").asText() + "@example.cn");
        admin(HttpRequest.newBuilder(URI.create(adminUsers() + "/" + userId)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))), 204);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifestWithAdmin(String code, Map<String, Object> admin) {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(code, 112.5, 36.5));
        List<Object> members = new ArrayList<>((List<Object>) manifest.get("members"));
        members.removeIf(m -> ((Map<String, Object>) m).get("roles").equals(List.of("tenant_admin")));
        members.add(admin);
        manifest.put("members", members);
        return manifest;
    }

    @Test
    void aManifestNamingItsAdminByUsernameCreatesTheAccountOnce() throws Exception {
        String code = "e2e-staff";
        String username = "staff-admin-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> manifest = manifestWithAdmin(code,
                Map.of("username", username, "name", "赵建国", "roles", List.of("tenant_admin")));
        String operator = keycloak().clientAccessToken(DemoRealm.TENANT_ADMIN_CLIENT_ID, DemoRealm.TENANT_ADMIN_CLIENT_SECRET);

        // a dry run lists the account and creates nothing
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest).queryParam("dryRun", true)
                .put("/api/platform/tenants/" + code).then().statusCode(200)
                .body("changes", org.hamcrest.Matchers.hasItem("+ account username " + username));
        assertThat(users(username)).isEmpty();

        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(200);
        JsonNode created = users(username);
        assertThat(created).hasSize(1);
        JsonNode user = created.get(0);
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("lastName").asText()).isEqualTo("赵");
        assertThat(user.path("firstName").asText()).isEqualTo("建国");
        String userId = user.path("id").asText();
        JsonNode full = admin(HttpRequest.newBuilder(URI.create(adminUsers() + "/" + userId)).GET(), 200);
        assertThat(full.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        // no password yet: nobody can sign in as them
        assertThatThrownBy(() -> keycloak().userAccessToken(username, DemoRealm.PASSWORD))
                .isInstanceOf(IllegalStateException.class);

        // applied again: the same account, nothing changed
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(200).body("outcome", equalTo("unchanged"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest).queryParam("dryRun", true)
                .put("/api/platform/tenants/" + code).then().statusCode(200).body("outcome", equalTo("unchanged"));
        assertThat(users(username)).hasSize(1);

        firstSignIn(userId, "first-sign-in-" + username);
        String admin = keycloak().userAccessToken(username, "first-sign-in-" + username);
        given().auth().oauth2(admin).get("/api/me").then().statusCode(200).body("subject", equalTo(userId))
                .body("memberships[0].tenant", equalTo(code)).body("name", equalTo("赵建国"));
        given().auth().oauth2(admin).get("/api/t/" + code + "/grids").then().statusCode(200).body("total", greaterThan(0));

        // the new admin invites a dispatcher by username: their account is created the same way
        String dispatcher = "staff-dispatcher-" + Long.toString(System.nanoTime(), 36);
        String subject = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", dispatcher, "name", "钱多多", "roles", List.of("dispatcher")))
                .post("/api/t/" + code + "/members").then().statusCode(201).body("pending", equalTo(false))
                .body("roles", equalTo(List.of("dispatcher"))).extract().jsonPath().getString("subject");
        JsonNode invited = users(dispatcher);
        assertThat(invited).hasSize(1);
        assertThat(invited.get(0).path("id").asText()).isEqualTo(subject);
        firstSignIn(subject, "first-sign-in-" + dispatcher);
        String dispatcherToken = keycloak().userAccessToken(dispatcher, "first-sign-in-" + dispatcher);
        given().auth().oauth2(dispatcherToken).get("/api/t/" + code + "/members").then().statusCode(200);
        // invited again with another role: the same account, both roles
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", dispatcher, "name", "钱多多", "roles", List.of("handler")))
                .post("/api/t/" + code + "/members").then().statusCode(201).body("subject", equalTo(subject))
                .body("roles", equalTo(List.of("dispatcher", "handler")));
        assertThat(users(dispatcher)).hasSize(1);
    }
}
