package cn.fengxing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The platform API as seen by an operator: OIDC client-credentials sign-in (token endpoint found
 * through the issuer's discovery document) and JSON requests with the bearer token.
 *
 * <p>Every failure becomes a {@link CliException}: an error answer (RFC 9457 problem details
 * where the API gives them) exits 1, a connection failure exits 3.
 */
public final class ApiClient {

    static final String USER_AGENT = "fengxing-tenant-admin/" + Main.version();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI api;
    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final String acceptLanguage;
    private final ObjectMapper json;
    private final HttpClient http;
    private String accessToken;

    public ApiClient(URI api, URI issuer, String clientId, String clientSecret, String acceptLanguage,
                     ObjectMapper json) {
        this.api = withoutTrailingSlash(api);
        this.issuer = withoutTrailingSlash(issuer);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.acceptLanguage = acceptLanguage;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    // ---------------------------------------------------------------- API calls

    /** Sends a request to {@code {api}{path}} and returns the JSON body of a 2xx answer (null if empty). */
    public JsonNode call(String method, String path, Map<String, String> query, Object body) {
        HttpRequest.Builder request = apiRequest(path, query).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(writeJson(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = send(request.build(), HttpResponse.BodyHandlers.ofByteArray(), "API");
        if (!isSuccess(response.statusCode())) {
            throw problem(response.statusCode(), contentType(response), response.body());
        }
        byte[] bytes = response.body();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new CliException(CliException.FAILURE, "the API answered " + method + " " + path
                    + " with a body that is not JSON (" + contentType(response) + ")");
        }
    }

    /**
     * GETs {@code {api}{path}} and streams a 2xx body into {@code target} (through a temporary
     * file next to it, so a failed download never leaves a half-written target). Returns the byte count.
     */
    public long download(String path, Path target, String accept) {
        HttpRequest request = apiRequest(path, Map.of()).header("Accept", accept + ", application/problem+json")
                .timeout(Duration.ofHours(1)).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), "API");
        try (InputStream in = response.body()) {
            if (!isSuccess(response.statusCode())) {
                throw problem(response.statusCode(), contentType(response), in.readNBytes(64 * 1024));
            }
            Path absolute = target.toAbsolutePath();
            Path dir = absolute.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
            try {
                long bytes = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
                return bytes;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliException(CliException.UNREACHABLE, "download of " + path + " failed: " + describe(e),
                    List.of(), e);
        }
    }

    private HttpRequest.Builder apiRequest(String path, Map<String, String> query) {
        return HttpRequest.newBuilder(URI.create(api + path + queryString(query)))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept-Language", acceptLanguage)
                .header("User-Agent", USER_AGENT);
    }

    /** Why the API is not ready (its readiness check, which needs no token), or empty once it is. */
    public java.util.Optional<String> notReady() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/q/health/ready"))
                .timeout(CONNECT_TIMEOUT).header("User-Agent", USER_AGENT).GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? java.util.Optional.empty()
                    : java.util.Optional.of(api + "/q/health/ready answered " + status);
        } catch (IOException e) {
            return java.util.Optional.of("cannot reach the API at " + api + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILURE, "interrupted");
        }
    }

    // ---------------------------------------------------------------- OIDC

    /** The access token, fetched once per run with the client-credentials grant. */
    String accessToken() {
        if (accessToken == null) {
            accessToken = fetchToken();
        }
        return accessToken;
    }

    private String fetchToken() {
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw CliException.usage("no client secret: pass --client-secret or set FENGXING_CLIENT_SECRET");
        }
        URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
        HttpResponse<byte[]> metadata = send(HttpRequest.newBuilder(discovery)
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .header("User-Agent", USER_AGENT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray(), "issuer");
        if (metadata.statusCode() != 200) {
            throw new CliException(CliException.FAILURE, "OIDC discovery failed: " + discovery + " answered "
                    + metadata.statusCode() + " (is --issuer right?)");
        }
        String tokenEndpoint;
        try {
            tokenEndpoint = json.readTree(metadata.body()).path("token_endpoint").asText("");
        } catch (IOException e) {
            tokenEndpoint = "";
        }
        if (tokenEndpoint.isEmpty()) {
            throw new CliException(CliException.FAILURE, "OIDC discovery failed: " + discovery
                    + " has no token_endpoint");
        }

        // RFC 6749 §2.3.1: client_secret_basic form-encodes id and secret before base64
        String basic = Base64.getEncoder().encodeToString(
                (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofByteArray(), "issuer");
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            body = json.missingNode();
        }
        if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
            // RFC 6749 §5.2 error response
            String error = body.path("error").asText("");
            String description = body.path("error_description").asText("");
            String reason = (error + (description.isEmpty() ? "" : ": " + description)).trim();
            throw new CliException(CliException.FAILURE, response.statusCode() + " token request for client '"
                    + clientId + "' failed" + (reason.isEmpty() ? "" : ": " + reason));
        }
        return body.get("access_token").asText();
    }

    // ---------------------------------------------------------------- helpers

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            URI target = "issuer".equals(what) ? issuer : api;
            throw new CliException(CliException.UNREACHABLE, "cannot reach the " + what + " at " + target + ": "
                    + describe(e), List.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILURE, "interrupted");
        }
    }

    /** Turns an error answer into a CliException: RFC 9457 problem details where possible. */
    CliException problem(int status, String contentType, byte[] body) {
        String title = reasonPhrase(status);
        String detail = null;
        List<String> fields = new ArrayList<>();
        JsonNode doc = null;
        if (contentType.contains("json")) {
            try {
                doc = json.readTree(body);
            } catch (IOException ignored) {
                // not JSON after all; fall through to the raw text
            }
        }
        if (doc != null && doc.isObject()) {
            title = doc.path("title").asText(title);
            detail = doc.hasNonNull("detail") ? doc.get("detail").asText() : null;
            for (JsonNode error : doc.path("errors")) {
                String field = error.path("field").asText("");
                String message = error.path("message").asText(error.isTextual() ? error.asText() : "");
                fields.add("  " + (field.isEmpty() ? "" : field + ": ") + message);
            }
        } else if (body != null && body.length > 0) {
            String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            detail = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
        String message = status + " " + title + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        return new CliException(CliException.FAILURE, message, fields, null);
    }

    private byte[] writeJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(e -> form(e.getKey()) + "=" + form(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.replaceAll("/+$", "")) : uri;
    }

    /** What went wrong on the wire, in words (the JDK's connect exceptions carry no message). */
    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }

    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP error";
        };
    }
}
