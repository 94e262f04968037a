package cn.fengxing.identity.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user directory of a Keycloak realm through its admin REST API, signed in as the service account of a
 * confidential client (client credentials) that holds only realm-management manage-users, view-users and
 * query-users. A person named by phone gets the phone as username; by e-mail, the address as username and e-mail.
 * New accounts are enabled with a temporary one-time password: Keycloak asks the person for their own at first sign-in.
 */
public class KeycloakDirectory implements IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Compound family names (复姓) kept whole when a Chinese name is split into family and given name. */
    private static final List<String> COMPOUND = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "西门", "独孤", "南宫", "端木", "百里", "呼延");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String tokenEndpoint;
    private final String users;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public KeycloakDirectory(String baseUrl, String realm, String clientId, String clientSecret) {
        String base = baseUrl.replaceAll("/+$", "");
        this.tokenEndpoint = base + "/realms/" + realm + "/protocol/openid-connect/token";
        this.users = base + "/admin/realms/" + realm + "/users";
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<String> find(Handle handle) {
        String query = switch (handle.kind()) {
            case username, phone -> "username=" + encode(handle.value());
            case email -> "email=" + encode(handle.value());
        };
        JsonNode found = send(HttpRequest.newBuilder(URI.create(users + "?exact=true&briefRepresentation=true&" + query)).GET(), 200);
        for (JsonNode user : found) {
            String value = handle.kind() == Handle.Kind.email ? user.path("email").asText() : user.path("username").asText();
            if (value.equalsIgnoreCase(handle.value())) {
                return Optional.of(user.path("id").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Account findOrCreate(Handle handle, String displayName) {
        Optional<String> existing = find(handle);
        if (existing.isPresent()) {
            return new Account(existing.get(), null);
        }
        String oneTimePassword = OneTimePassword.next();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", handle.value().toLowerCase());
        if (handle.kind() == Handle.Kind.email) {
            user.put("email", handle.value().toLowerCase());
            user.put("emailVerified", false);
        }
        String[] parts = familyAndGiven(displayName);
        if (parts[0] != null) {
            user.put("lastName", parts[0]);
        }
        if (parts[1] != null) {
            user.put("firstName", parts[1]);
        }
        user.put("enabled", true);
        // temporary: Keycloak makes the person choose their own password at first sign-in
        user.put("credentials", List.of(Map.of("type", "password", "value", oneTimePassword, "temporary", true)));
        HttpResponse<String> created = exchange(HttpRequest.newBuilder(URI.create(users))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(user))));
        if (created.statusCode() == 201) {
            String location = created.headers().firstValue("Location").orElse("");
            LOG.infof("created the account of %s in the identity provider", handle);
            return new Account(location.substring(location.lastIndexOf('/') + 1), oneTimePassword);
        }
        if (created.statusCode() == 409) {
            // created meanwhile, or the e-mail is another account's username: whoever holds it now
            return new Account(find(handle).orElseThrow(() -> failed(409)), null);
        }
        throw failed(created.statusCode());
    }

    /** Family and given name (either may be null): 张建国 → 张, 建国; "Ann Lee" → Lee, Ann. */
    static String[] familyAndGiven(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return new String[] {null, null};
        }
        boolean han = n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        if (han && !n.contains(" ")) {
            int familyLength = COMPOUND.stream().anyMatch(n::startsWith) && n.length() > 2 ? 2 : n.offsetByCodePoints(0, 1);
            String given = n.substring(familyLength);
            return new String[] {n.substring(0, familyLength), given.isEmpty() ? null : given};
        }
        int space = n.lastIndexOf(' ');
        return space < 0 ? new String[] {null, n} : new String[] {n.substring(space + 1), n.substring(0, space).strip()};
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != expected) {
            throw failed(response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw failed(response.statusCode());
        }
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.copy().header("Authorization", "Bearer " + token(false))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                response = http.send(request.header("Authorization", "Bearer " + token(true))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() >= 300 && response.statusCode() != 409) {
                LOG.warnf("identity provider answered %d: %s", response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            LOG.warn("identity provider unreachable", e);
            throw failed(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(0);
        }
    }

    private synchronized String token(boolean renew) throws IOException, InterruptedException {
        if (!renew && token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        if (clientSecret == null) {
            LOG.warn("fengxing.identity.keycloak.client-secret is not set: accounts cannot be looked up or created");
            throw failed(0);
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            LOG.warnf("client %s could not sign in to the identity provider: %d", clientId, response.statusCode());
            throw failed(response.statusCode());
        }
        JsonNode json = JSON.readTree(response.body());
        token = json.path("access_token").asText();
        tokenExpires = Instant.now().plusSeconds(Math.max(0, json.path("expires_in").asLong(60) - 10));
        return token;
    }

    private static ProblemException failed(int status) {
        return new ProblemException(ProblemType.BAD_GATEWAY, "identity.directory-failed", null, status);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
