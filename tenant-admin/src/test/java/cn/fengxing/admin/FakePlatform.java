package cn.fengxing.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small HTTP server on 127.0.0.1 that plays the OIDC provider (discovery document and a
 * client-credentials token endpoint) and the platform API (canned answers per "METHOD path"),
 * and records every request it gets.
 */
final class FakePlatform implements AutoCloseable {

    static final String CLIENT_ID = "tenant-admin";
    static final String CLIENT_SECRET = "s3cret:with/odd chars";
    static final String TOKEN = "test-access-token";

    /** One request as the server saw it. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A canned answer. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer problem(int status, String json) {
            return new Answer(status, "application/problem+json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final List<Recorded> apiRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<Recorded> tokenRequests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Recorded, Answer>> routes = new ConcurrentHashMap<>();
    private final java.util.Deque<Integer> readiness = new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(200));
    private final List<Recorded> readinessRequests = Collections.synchronizedList(new ArrayList<>());

    FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
            record(exchange);
            respond(exchange, Answer.json(200, "{\"issuer\":\"" + issuer() + "\",\"token_endpoint\":\""
                    + base() + "/realms/test/protocol/openid-connect/token\"}"));
        });
        server.createContext("/realms/test/protocol/openid-connect/token", exchange -> {
            Recorded request = record(exchange);
            tokenRequests.add(request);
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (CLIENT_ID + ":" + "s3cret%3Awith%2Fodd+chars").getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(request.header("Authorization"))
                    || !"grant_type=client_credentials".equals(request.bodyText())) {
                respond(exchange, Answer.json(401,
                        "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}"));
                return;
            }
            respond(exchange, Answer.json(200, "{\"access_token\":\"" + TOKEN
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        });
        server.createContext("/q/health/ready", exchange -> {
            readinessRequests.add(record(exchange));
            int status = readiness.size() > 1 ? readiness.poll() : readiness.peek();
            respond(exchange, Answer.json(status, "{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}"));
        });
        server.createContext("/api/", exchange -> {
            Recorded request = record(exchange);
            apiRequests.add(request);
            Function<Recorded, Answer> route = routes.get(request.method() + " " + request.path());
            respond(exchange, route != null ? route.apply(request)
                    : Answer.problem(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"detail\":\"no route in FakePlatform\"}"));
        });
        server.start();
    }

    /** Answers {@code METHOD path} (path without query) with {@code answer}. */
    FakePlatform on(String methodAndPath, Function<Recorded, Answer> answer) {
        routes.put(methodAndPath, answer);
        return this;
    }

    FakePlatform on(String methodAndPath, Answer answer) {
        return on(methodAndPath, request -> answer);
    }

    /** The statuses of the readiness endpoint's next answers; the last one stays. */
    FakePlatform readiness(Integer... statuses) {
        readiness.clear();
        readiness.addAll(List.of(statuses));
        return this;
    }

    List<Recorded> readinessRequests() {
        return List.copyOf(readinessRequests);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String issuer() {
        return base() + "/realms/test";
    }

    /** Environment that points the tool at this server (what an operator would export). */
    Map<String, String> env() {
        return Map.of("FENGXING_API", base(), "FENGXING_ISSUER", issuer(),
                "FENGXING_CLIENT_ID", CLIENT_ID, "FENGXING_CLIENT_SECRET", CLIENT_SECRET, "LANG", "zh_CN.UTF-8");
    }

    List<Recorded> apiRequests() {
        return List.copyOf(apiRequests);
    }

    List<Recorded> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    private static Recorded record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            exchange.getResponseBody().write(answer.body());
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
