package cn.fengxing.e2e;

import cn.fengxing.local.DemoRealm;
import cn.fengxing.local.LocalKeycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's first sign-in through Keycloak's own pages, as the web UI does it (authorization code with PKCE): the
 * login form with the one-time password, then every form Keycloak puts in between (choose a new password, complete
 * the profile) until it redirects back with the code. Nothing is done through the admin API: what this does, the
 * person does in the browser.
 */
final class FirstSignIn {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final String REDIRECT = "http://localhost:8090/";

    /** The pages Keycloak showed, by their form's fields (e.g. [username, password], [password-new, ...]). */
    final List<List<String>> pages = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Keycloak's cookies, kept by hand: they are Secure, which java.net's cookie store holds back from plain http. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Signs in with the one-time password, chooses {@code newPassword}, and returns the access token. */
    String signIn(LocalKeycloak keycloak, String username, String oneTimePassword, String newPassword)
            throws IOException, InterruptedException {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", DemoRealm.WEB_CLIENT_ID, "response_type", "code", "scope", "openid",
                "redirect_uri", REDIRECT, "state", "first-sign-in", "code_challenge_method", "S256",
                "code_challenge", challenge(verifier)));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        Map<String, String> answers = Map.of("username", username, "password", oneTimePassword,
                "password-new", newPassword, "password-confirm", newPassword, "email", username + "@example.cn");
        for (int step = 0; step < 6; step++) {
            String location = page.headers().firstValue("Location").orElse("");
            if (location.startsWith(REDIRECT)) {
                Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
                if (!code.find()) {
                    throw new IllegalStateException("redirected without a code: " + location);
                }
                return keycloak.token(Map.of("grant_type", "authorization_code", "client_id", DemoRealm.WEB_CLIENT_ID,
                        "code", code.group(1), "redirect_uri", REDIRECT, "code_verifier", verifier));
            }
            if (!location.isEmpty()) {
                page = send(HttpRequest.newBuilder(URI.create(location)).GET());
                continue;
            }
            Matcher form = FORM.matcher(page.body());
            if (page.statusCode() != 200 || !form.find()) {
                String body = page.body();
                String text = body.substring(Math.max(0, body.indexOf("<body"))).replaceAll("(?s)<script.*?</script>", "")
                        .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
                throw new IllegalStateException("Keycloak answered " + page.statusCode() + " without a form after "
                        + pages + ": " + text.substring(0, Math.min(400, text.length())));
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                Matcher a = ATTRIBUTE.matcher(input.group(1));
                while (a.find()) {
                    attributes.put(a.group(1), unescape(a.group(2)));
                }
                String name = attributes.get("name");
                if (name != null && !"checkbox".equals(attributes.get("type"))) {
                    String value = attributes.getOrDefault("value", "");
                    fields.put(name, value.isEmpty() ? answers.getOrDefault(name, "") : value);
                }
            }
            pages.add(List.copyOf(fields.keySet()));
            page = send(HttpRequest.newBuilder(URI.create(unescape(form.group(1))))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        }
        throw new IllegalStateException("no redirect back after " + pages);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return response;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}
