package cn.fengxing.e2e;

import cn.fengxing.local.DemoRealm;
import cn.fengxing.local.LocalKeycloak;
import cn.fengxing.support.TestTenants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
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
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import static org.hamcrest.Matchers.nullValue;

/**
 * Accounts provisioned in the real Keycloak with no hand step in it: a manifest applied by tenant-admin names its admin
 * by username, the account is created once with a one-time password (a dry run creates none), the admin signs in
 * through Keycloak's pages choosing their own password and reads their township's grids, and invites a dispatcher by
 * username whose account is created the same way; a regional grant by username does the same for provincial staff.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class StaffProvisioningTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL api;

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

    /** The one-time password tenant-admin printed for the account of {@code username}. */
    static String oneTimePassword(String cliOutput, String username) {
        Matcher m = Pattern.compile("signing in as " + Pattern.quote(username)
                + ": one-time password (\\S+) ").matcher(cliOutput);
        assertThat(m.find()).as(cliOutput).isTrue();
        return m.group(1);
    }

    /** The person's first sign-in in Keycloak's pages with the one-time password; their access token. */
    static String firstSignIn(String username, String oneTimePassword) throws IOException, InterruptedException {
        FirstSignIn signIn = new FirstSignIn();
        String token = signIn.signIn(keycloak(), username, oneTimePassword, "chosen-" + username);
        // Keycloak asked for the one-time password, then for a password of their own
        assertThat(signIn.pages.get(0)).contains("username", "password");
        assertThat(signIn.pages.get(1)).contains("password-new", "password-confirm");
        // the one-time password is spent: the chosen one works
        assertThat(keycloak().userAccessToken(username, "chosen-" + username)).isNotBlank();
        assertThatThrownBy(() -> keycloak().userAccessToken(username, oneTimePassword))
                .isInstanceOf(IllegalStateException.class);
        return token;
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

    /**
     * tenant-admin applies a manifest naming its admin by username, the command the chart's townships Job runs: the
     * account is created once with a one-time password the CLI prints, and the admin signs in and lists the grids.
     */
    @Test
    void aManifestNamingItsAdminByUsernameCreatesTheAccountOnce() throws Exception {
        String code = "e2e-staff";
        String username = "staff-admin-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> manifest = manifestWithAdmin(code,
                Map.of("username", username, "name", "赵建国", "roles", List.of("tenant_admin")));
        Path file = Files.createTempDirectory("manifest").resolve(code + ".json");
        Files.writeString(file, JSON.writeValueAsString(manifest));

        // a dry run lists the account and creates nothing
        assertThat(DemoTownships.cli(api, "apply", "-f", file.toString(), "--dry-run"))
                .contains("+ account username " + username).doesNotContain("one-time password");
        assertThat(users(username)).isEmpty();

        String applied = DemoTownships.cli(api, "apply", "-f", file.toString());
        String oneTimePassword = oneTimePassword(applied, username);
        JsonNode created = users(username);
        assertThat(created).hasSize(1);
        JsonNode user = created.get(0);
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("lastName").asText()).isEqualTo("赵");
        assertThat(user.path("firstName").asText()).isEqualTo("建国");
        String userId = user.path("id").asText();
        JsonNode full = admin(HttpRequest.newBuilder(URI.create(adminUsers() + "/" + userId)).GET(), 200);
        assertThat(full.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        // the one-time password alone gets no token: the account is not set up until they choose their own
        assertThatThrownBy(() -> keycloak().userAccessToken(username, oneTimePassword))
                .isInstanceOf(IllegalStateException.class);

        // applied again: the same account, nothing changed, no new password
        String again = DemoTownships.cli(api, "apply", "-f", file.toString());
        assertThat(again).contains("unchanged").doesNotContain("one-time password");
        assertThat(users(username)).hasSize(1);

        String admin = firstSignIn(username, oneTimePassword);
        given().auth().oauth2(admin).get("/api/me").then().statusCode(200).body("subject", equalTo(userId))
                .body("memberships[0].tenant", equalTo(code)).body("name", equalTo("赵建国"));
        given().auth().oauth2(admin).get("/api/t/" + code + "/grids").then().statusCode(200).body("total", greaterThan(0));

        // the new admin invites a dispatcher by username: their account is created the same way
        String dispatcher = "staff-dispatcher-" + Long.toString(System.nanoTime(), 36);
        io.restassured.path.json.JsonPath invited = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", dispatcher, "name", "钱多多", "roles", List.of("dispatcher")))
                .post("/api/t/" + code + "/members").then().statusCode(201).body("pending", equalTo(false))
                .body("roles", equalTo(List.of("dispatcher"))).extract().jsonPath();
        String subject = invited.getString("subject");
        assertThat(users(dispatcher)).singleElement().satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(subject));
        assertThat(invited.getString("login")).isEqualTo(dispatcher);
        String dispatcherToken = firstSignIn(dispatcher, invited.getString("oneTimePassword"));
        given().auth().oauth2(dispatcherToken).get("/api/t/" + code + "/members").then().statusCode(200);
        // invited again with another role: the same account, both roles, no new password
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", dispatcher, "name", "钱多多", "roles", List.of("handler")))
                .post("/api/t/" + code + "/members").then().statusCode(201).body("subject", equalTo(subject))
                .body("roles", equalTo(List.of("dispatcher", "handler"))).body("oneTimePassword", nullValue());
        assertThat(users(dispatcher)).hasSize(1);
    }

    /** The operator grants a region to provincial staff named by username: their account, then their sign-in. */
    @Test
    void aRegionalGrantByUsernameCreatesTheAccountAndNamesThePerson() throws Exception {
        Path file = Files.createTempDirectory("manifest").resolve("e2e-grant.json");
        Files.writeString(file, JSON.writeValueAsString(TestTenants.manifest("e2e-grant", 112.6, 36.6)));
        DemoTownships.cli(api, "apply", "-f", file.toString()); // its region 测试省 › 测试市 › e2e-grant县
        String username = "viewer-" + Long.toString(System.nanoTime(), 36);
        String granted = DemoTownships.cli(api, "grant", "--username", username, "--name", "韩丽娟", "测试省",
                "region_viewer");
        assertThat(granted).startsWith("granted region_viewer on 测试省 to 韩丽娟 ");
        Matcher password = Pattern.compile("signing in as " + username + ": one-time password (\\S+) ").matcher(granted);
        assertThat(password.find()).as(granted).isTrue();
        // granted again: nothing new
        assertThat(DemoTownships.cli(api, "grant", "--username", username, "测试省", "region_viewer"))
                .doesNotContain("one-time password");

        String viewer = firstSignIn(username, password.group(1));
        given().auth().oauth2(viewer).get("/api/me").then().statusCode(200)
                .body("grants[0].regionPath", equalTo("测试省")).body("grants[0].name", equalTo("韩丽娟"));
        given().auth().oauth2(viewer).get("/api/regions").then().statusCode(200);
    }
}
