package cn.fengxing.common;

import cn.fengxing.common.problem.Problem;
import cn.fengxing.identity.Role;
import cn.fengxing.support.Db;
import cn.fengxing.support.Photos;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TenantEndpoints;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-driven fuzzing of every operation in the live OpenAPI document. Each operation is called, by the callers it
 * admits, with deterministic mutations derived from its schema: wrong types, missing required fields and extremes in
 * every body field, query parameter and path parameter, broken and mismatched bodies and media types. No answer may
 * be a 5xx, every refusal is an RFC 9457 problem, and a refused request leaves the row count of every table as it was.
 */
@QuarkusTest
class ApiFuzzTest {

    static final String T = "fuzz";
    /** Another township: its ids in the fuzz township's paths. */
    static final String OTHER = "fuzz-other";
    /** The township platform operations act on, so that a mutation the API accepts never disturbs {@link #T}. */
    static final String SPARE = "fuzz-spare";
    static final double LON = 150.0;
    static final double LAT = 20.0;
    static final long SEED = 9457;
    /** Mutations per operation and caller besides the whole-body ones, sampled with the seed; keeps the run short. */
    static final int FIELD_MUTATIONS = 24;
    static final String MISSING_ID = "999999999";
    /** A report category every township starts with. */
    static final String CATEGORY = "street-light";
    /** A header value replaced by a new random UUID on each request (an Idempotency-Key). */
    static final String FRESH = "{fresh}";
    static final String LONG_TEXT = "字".repeat(100_000);
    static final String NUL = "a\u0000b";
    /** Stands for a lone surrogate, which Jackson does not write: swapped for its JSON escape in the request text. */
    static final String LONE_SURROGATE = "\u0001lone-surrogate\u0001";
    static final byte[] INVALID_UTF8 = {'a', (byte) 0xFF, (byte) 0xFE, 'b'};
    static final String BOUNDARY = "fuzz-boundary";

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Sends the bytes as they are, on kept-alive connections: thousands of requests stay quick. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One request to send: the path with its query, and an optional body. */
    record Request(String mutation, String path, Map<String, String> headers, String contentType, byte[] body) {
        Request with(String label, String newPath) {
            return new Request(label, newPath, headers, contentType, body);
        }
    }

    /** Who calls an operation: a subject's token, or nobody (anonymous). */
    record Caller(String name, String token) {
    }

    /** A multipart part: a text field, or a file when it has a file name. */
    record Part(String name, String fileName, String contentType, byte[] content) {
        static Part text(String name, byte[] content) {
            return new Part(name, null, null, content);
        }
    }

    @TestHTTPResource("/")
    URL server;

    JsonNode document;
    final Random random = new Random(SEED);
    final Map<String, Map<String, String>> ids = new HashMap<>();
    Set<String> tables;
    String open311Key;

    @Test
    void noOperationFailsOrChangesDataOnHostileInput() throws Exception {
        TestTenants.onboard(T, LON, LAT);
        TestTenants.onboard(OTHER, LON + 1, LAT);
        TestTenants.onboard(SPARE, LON + 2, LAT);
        Reports.file(T, CATEGORY, LON, LAT);
        Reports.file(OTHER, CATEGORY, LON + 1, LAT);
        open311Key = given().auth().oauth2(Tokens.of(TestTenants.admin(T))).contentType(ContentType.JSON)
                .body(Map.of("name", "fuzz")).post("/api/t/" + T + "/open311/keys")
                .then().statusCode(201).extract().jsonPath().getString("secret");
        tables = Set.copyOf(Db.strings("select tablename from pg_tables where schemaname = 'public'"));
        document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asByteArray());

        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        try (RowCounts rows = new RowCounts()) {
            long[] before = rows.read();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/api/test/")) {
                    continue; // the test sources' own resources (one fails on purpose)
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase();
                    for (Caller caller : callers(method, path.getKey())) {
                        for (Request r : requests(method, path.getKey(), op.getValue())) {
                            HttpResponse<String> response = send(caller, method, r);
                            statuses.merge(response.statusCode(), 1, Integer::sum);
                            long[] after = rows.read();
                            String problem = check(path.getKey(), response, rows.changes(before, after));
                            if (problem != null) {
                                violations.add(method + " " + r.path().replaceAll("(.{200}).*", "$1…") + " as "
                                        + caller.name() + " [" + r.mutation() + "] -> " + problem);
                            }
                            before = after;
                        }
                    }
                }
            }
        }
        System.out.printf("API fuzzing: %d requests in %d s (statuses %s), %d violations%n",
                statuses.values().stream().mapToInt(Integer::intValue).sum(),
                (System.nanoTime() - started) / 1_000_000_000, statuses, violations.size());
        assertThat(violations).withFailMessage(() -> violations.size() + " requests answered wrongly:\n"
                + String.join("\n", violations)).isEmpty();
    }

    // ---- callers ---------------------------------------------------------------------------------------------

    /** Operators on platform and region operations; in a township the admin and the rider where they may call it. */
    private List<Caller> callers(String method, String path) {
        if (path.startsWith("/api/platform") || path.startsWith("/api/regions")) {
            return List.of(new Caller("operator", Tokens.of(Tokens.OPERATOR)));
        }
        if (!path.startsWith("/api/t/")) {
            return List.of(caller(Role.TENANT_ADMIN));
        }
        TenantEndpoints.Endpoint endpoint = TenantEndpoints.ALL.stream()
                .filter(e -> TenantEndpoints.openApiKey(e).equals(method + " " + path)).findFirst().orElseThrow();
        if (endpoint.isPublic()) {
            return List.of(new Caller("anonymous", null));
        }
        Set<Role> roles = EnumSet.copyOf(endpoint.allowed());
        roles.remove(Role.PLATFORM_OPERATOR);
        List<Caller> callers = new ArrayList<>();
        for (Role preferred : List.of(Role.TENANT_ADMIN, Role.RIDER)) {
            if (roles.contains(preferred)) {
                callers.add(caller(preferred));
            }
        }
        if (callers.isEmpty()) {
            callers.add(caller(roles.iterator().next()));
        }
        return callers;
    }

    private static Caller caller(Role role) {
        String subject = role == Role.TENANT_ADMIN ? TestTenants.admin(T) : TestTenants.member(T, role.code());
        return new Caller(role.code(), Tokens.of(subject));
    }

    // ---- requests --------------------------------------------------------------------------------------------

    /** The operation's mutations: every whole-body one, and a seeded sample of those of single parameters and fields. */
    private List<Request> requests(String method, String template, JsonNode operation) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(p));
        for (JsonNode p : parameters) {
            String name = p.get("name").asText();
            switch (p.get("in").asText()) {
                case "path" -> pathValues.put(name, ownPathValue(template, name, resolve(p.path("schema"))));
                case "query" -> {
                    if (p.path("required").asBoolean()) {
                        query.put(name, encode(sample(p.path("schema"), name, 0).asText()));
                    }
                }
                case "header" -> headers.put(name, FRESH);
                default -> {
                }
            }
        }
        Map.Entry<String, JsonNode> content = operation.path("requestBody").path("content").fields().hasNext()
                ? operation.path("requestBody").path("content").fields().next() : null;
        String mediaType = content == null ? null : content.getKey();
        JsonNode bodySchema = content == null ? null : resolve(content.getValue().path("schema"));
        Body body = mediaType == null ? Body.NONE
                : mediaType.startsWith("multipart/") ? new MultipartBody(this, bodySchema)
                : mediaType.equals("application/x-www-form-urlencoded") ? new FormBody(this, bodySchema)
                : new JsonBody(this, bodySchema, pathValues);
        Request base = new Request("", path(template, pathValues, query), headers, body.contentType(), body.baseline());

        List<Request> whole = new ArrayList<>(body.wholeBodyMutations(base));
        // a stray query parameter: every operation gets at least this one
        whole.add(base.with("stray query parameter with NUL",
                base.path() + (query.isEmpty() ? "?" : "&") + "fuzz=a%00b"));
        // reads are safe to send as they are (but a stream does not end)
        if (method.equals("GET") && !operation.path("responses").toString().contains("text/event-stream")) {
            whole.add(base.with("baseline", base.path()));
        }
        List<Request> single = new ArrayList<>(body.fieldMutations(base));
        for (JsonNode p : parameters) {
            String name = p.get("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            String in = p.get("in").asText();
            for (Map.Entry<String, String> variant : parameterVariants(template, name, schema, in).entrySet()) {
                switch (in) {
                    case "path" -> single.add(base.with("path " + name + ": " + variant.getKey(),
                            path(template, replaced(pathValues, name, variant.getValue()), query)));
                    case "query" -> single.add(base.with("query " + name + ": " + variant.getKey(),
                            path(template, pathValues, replaced(query, name, variant.getValue()))));
                    case "header" -> single.add(new Request("header " + name + ": " + variant.getKey(), base.path(),
                            replaced(headers, name, variant.getValue()), base.contentType(), base.body()));
                    default -> {
                    }
                }
            }
        }
        Collections.shuffle(single, random);
        whole.addAll(single.subList(0, Math.min(FIELD_MUTATIONS, single.size())));
        return whole;
    }

    private static Map<String, String> replaced(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private static String path(String template, Map<String, String> pathValues, Map<String, String> query) {
        String path = template;
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        return query.isEmpty() ? path : path + "?" + query.entrySet().stream()
                .map(q -> q.getKey() + "=" + q.getValue()).collect(Collectors.joining("&"));
    }

    /** The fuzz township's own row for a path parameter: the table is named by the path segment before it. */
    private String ownPathValue(String template, String name, JsonNode schema) {
        if (schema.path("format").asText().equals("uuid")) {
            String id = idOf(T, tableBefore(template, name));
            return id.equals(MISSING_ID) ? UUID.nameUUIDFromBytes(utf8(name)).toString() : id;
        }
        return switch (name) {
            case "tenant" -> T;
            case "code" -> SPARE;
            case "subject" -> TestTenants.member(T, "handler");
            case "format" -> "json";
            case "service_code" -> CATEGORY;
            case "token" -> "no-such-token";
            case "photo" -> idOf(T, "report_photo");
            case "service_request_id" -> idOf(T, "report");
            default -> idOf(T, tableBefore(template, name));
        };
    }

    private static String tableBefore(String template, String name) {
        String[] segments = template.substring(0, template.indexOf("{" + name + "}")).split("/");
        String segment = segments[segments.length - 1];
        return switch (segment) {
            case "categories" -> "report_category";
            case "keys" -> "open311_key";
            case "region-grants" -> "region_grant";
            case "epasses" -> "epass";
            default -> segment.replaceAll("s$", "").replaceAll("ie$", "y").replace('-', '_');
        };
    }

    /**
     * A row id of the township in the table, or an id no row has; platform tables (region grants: the operator's
     * own among them) are never addressed with a real row.
     */
    private String idOf(String tenant, String table) {
        return ids.computeIfAbsent(tenant, t -> new HashMap<>()).computeIfAbsent(table, t -> {
            boolean perTenant = tables.contains(t) && !Db.strings("select column_name from information_schema.columns "
                    + "where table_schema = 'public' and table_name = '" + t + "' and column_name = 'tenant_id'")
                    .isEmpty();
            List<String> found = perTenant ? Db.strings("select id from " + t + " where tenant_id = '" + tenant
                    + "' order by id limit 1") : List.of();
            return found.isEmpty() ? MISSING_ID : found.get(0);
        });
    }

    /** Hostile values of a parameter, already URL-encoded (or deliberately mis-encoded), by label. */
    private Map<String, String> parameterVariants(String template, String name, JsonNode schema, String in) {
        Map<String, String> v = new LinkedHashMap<>();
        String type = schema.path("type").asText();
        if (in.equals("header")) {
            v.put("empty", "");
            v.put("300 chars", "x".repeat(300));
            return v;
        }
        if (schema.has("enum")) {
            v.put("unknown value", "bogus");
        }
        switch (type) {
            case "integer" -> {
                String other = in.equals("path") ? idOf(OTHER, name.equals("service_request_id") ? "report"
                        : name.equals("photo") ? "report_photo" : tableBefore(template, name)) : MISSING_ID;
                v.put(other.equals(MISSING_ID) ? "large" : "other township's id", other);
                v.put("not a number", "abc");
                v.put("fraction", "1.5");
                v.put("above long", "99999999999999999999");
                v.put("max long", String.valueOf(Long.MAX_VALUE));
                v.put("negative", "-1");
                v.put("below int", "-2147483649");
            }
            case "number" -> {
                v.put("not a number", "abc");
                v.put("NaN", "NaN");
                v.put("Infinity", "Infinity");
                v.put("beyond double", "1e400");
                v.put("huge negative", "-1e308");
            }
            case "boolean" -> {
                v.put("not a boolean", "maybe");
                v.put("2", "2");
            }
            case "array" -> v.put("repeated unknown", "bogus&" + name + "=%00");
            default -> {
                v.put("3000 chars", "x".repeat(in.equals("path") ? 300 : 3000));
                v.put("empty", "");
                v.put("unknown", "no-such-thing");
                v.put("invalid date", "2026-13-45");
            }
        }
        v.put("NUL", "a%00b");
        v.put("invalid UTF-8", "a%FF%FEb");
        v.put("lone surrogate", "a%ED%A0%80b");
        if (in.equals("query")) {
            v.put("repeated", "1&" + name + "=2");
        }
        return v;
    }

    // ---- schema ----------------------------------------------------------------------------------------------

    JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = document.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /**
     * A plausible value of the schema: examples and enum values where given, the township's coordinates and row ids
     * for fields named like them, so that mutations of single fields reach past the obvious refusals.
     */
    JsonNode sample(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        String lower = name.toLowerCase();
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (lower.equals("category") || lower.equals("service_code")) {
            return TextNode.valueOf(CATEGORY);
        }
        if (schema.has("examples") && !schema.path("type").asText().equals("number")) {
            return schema.get("examples").get(0);
        }
        switch (schema.path("type").asText("object")) {
            case "string" -> {
                if (lower.equals("lat") || lower.equals("lon") || lower.equals("long")) {
                    return TextNode.valueOf(String.valueOf(lower.equals("lat") ? LAT : LON));
                }
                return TextNode.valueOf(switch (schema.path("format").asText()) {
                    case "date" -> "2026-01-01";
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    case "uuid" -> UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
                    default -> "fuzz1";
                });
            }
            case "integer" -> {
                String table = lower.replaceAll("ids?$", "");
                return LongNode.valueOf(tables.contains(table) ? Long.parseLong(idOf(T, table))
                        : Math.max(1, schema.path("minimum").asLong()));
            }
            case "number" -> {
                return DoubleNode.valueOf(lower.startsWith("lat") ? LAT : lower.startsWith("lon") ? LON : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    for (int i = 0; i < Math.max(1, schema.path("minItems").asInt()); i++) {
                        array.add(sample(schema.path("items"), name, depth + 1));
                    }
                }
                return array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p ->
                            object.set(p.getKey(), sample(p.getValue(), p.getKey(), depth + 1)));
                }
                return object;
            }
        }
    }

    /** Wrong types and extremes for a JSON value of this schema, by label. */
    static Map<String, JsonNode> hostileValues(JsonNode schema) {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        switch (schema.path("type").asText("object")) {
            case "string" -> {
                v.put("100k chars", TextNode.valueOf(LONG_TEXT));
                v.put("NUL", TextNode.valueOf(NUL));
                v.put("lone surrogate", TextNode.valueOf(LONE_SURROGATE));
                v.put("empty", TextNode.valueOf(""));
                v.put("object for string", NODES.objectNode().put("x", 1));
                v.put("array for string", NODES.arrayNode().add(1));
            }
            case "integer" -> {
                v.put("string for integer", TextNode.valueOf("abc"));
                v.put("fraction", DecimalNode.valueOf(new BigDecimal("1.5")));
                v.put("above long", BigIntegerNode.valueOf(new BigInteger("99999999999999999999999")));
                v.put("min long", LongNode.valueOf(Long.MIN_VALUE));
                v.put("negative", IntNode.valueOf(-1));
                v.put("beyond double", DecimalNode.valueOf(new BigDecimal("1e400")));
            }
            case "number" -> {
                v.put("NaN", TextNode.valueOf("NaN"));
                v.put("Infinity", TextNode.valueOf("Infinity"));
                v.put("beyond double", DecimalNode.valueOf(new BigDecimal("1e400")));
                v.put("huge negative", DoubleNode.valueOf(-1e308));
                v.put("string for number", TextNode.valueOf("abc"));
                v.put("array for number", NODES.arrayNode());
            }
            case "boolean" -> {
                v.put("string for boolean", TextNode.valueOf("maybe"));
                v.put("2 for boolean", IntNode.valueOf(2));
                v.put("object for boolean", NODES.objectNode());
            }
            case "array" -> {
                v.put("object for array", NODES.objectNode());
                v.put("string for array", TextNode.valueOf("x"));
                v.put("null item", NODES.arrayNode().add(NullNode.getInstance()));
                v.put("array item", NODES.arrayNode().add(NODES.arrayNode()));
            }
            default -> {
                v.put("array for object", NODES.arrayNode());
                v.put("string for object", TextNode.valueOf("x"));
                v.put("empty object", NODES.objectNode());
                v.put("number for object", IntNode.valueOf(7));
            }
        }
        return v;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- bodies ----------------------------------------------------------------------------------------------

    /** A request body of one media type: its baseline and how it is broken. */
    interface Body {
        Body NONE = new Body() {
        };

        default String contentType() {
            return null;
        }

        default byte[] baseline() {
            return null;
        }

        default List<Request> wholeBodyMutations(Request base) {
            return List.of();
        }

        default List<Request> fieldMutations(Request base) {
            return List.of();
        }

        /** The base request with another body. */
        static Request replaced(Request base, String mutation, String contentType, byte[] body) {
            return new Request(mutation, base.path(), base.headers(), contentType, body);
        }

        /** What every body is tried with: none, the wrong media types and a multipart body that does not parse. */
        static List<Request> commonMutations(Request base) {
            byte[] parts = multipart(List.of(Part.text("x", utf8("y"))));
            return List.of(
                    replaced(base, "no body", base.contentType(), new byte[0]),
                    replaced(base, "text/plain", "text/plain", base.body()),
                    replaced(base, "application/xml", "application/xml", utf8("<x><y>1</y></x>")),
                    replaced(base, "no content type", null, base.body()),
                    replaced(base, "JSON object", "application/json", utf8("{\"x\":1}")),
                    replaced(base, "form-urlencoded", "application/x-www-form-urlencoded", utf8("x=y&z=%00")),
                    replaced(base, "multipart", "multipart/form-data; boundary=" + BOUNDARY, parts),
                    replaced(base, "multipart, other boundary", "multipart/form-data; boundary=other", parts),
                    replaced(base, "multipart, unterminated", "multipart/form-data; boundary=" + BOUNDARY,
                            utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny")),
                    replaced(base, "multipart, nameless part", "multipart/form-data; boundary=" + BOUNDARY,
                            utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\ny\r\n--" + BOUNDARY
                                    + "--\r\n")),
                    replaced(base, "multipart, garbage", "multipart/form-data; boundary=" + BOUNDARY,
                            utf8("garbage")));
        }
    }

    /** A JSON body: broken as a whole, and each field (nested ones too) given wrong types, extremes or left out. */
    record JsonBody(ApiFuzzTest fuzz, JsonNode schema, JsonNode sample) implements Body {

        JsonBody(ApiFuzzTest fuzz, JsonNode schema, Map<String, String> pathValues) {
            this(fuzz, schema, withPathValues(fuzz.sample(schema, "", 0), pathValues));
        }

        /** A field named like a path parameter (the manifest's code) holds the path's value. */
        private static JsonNode withPathValues(JsonNode sample, Map<String, String> pathValues) {
            if (sample instanceof ObjectNode object) {
                pathValues.forEach((name, value) -> {
                    if (object.has(name)) {
                        object.put(name, value);
                    }
                });
            }
            return sample;
        }

        @Override
        public String contentType() {
            return "application/json";
        }

        @Override
        public byte[] baseline() {
            return write(sample);
        }

        static byte[] write(JsonNode value) {
            try {
                return utf8(JSON.writeValueAsString(value).replace(JSON.writeValueAsString(LONE_SURROGATE)
                        .replace("\"", ""), "\\ud800"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<Request> wholeBodyMutations(Request base) {
            String text = new String(base.body(), StandardCharsets.UTF_8);
            List<Request> r = new ArrayList<>(Body.commonMutations(base));
            r.add(Body.replaced(base, "null", contentType(), utf8("null")));
            r.add(Body.replaced(base, "malformed", contentType(), utf8(text.substring(0, text.length() / 2))));
            r.add(Body.replaced(base, "array for body", contentType(), utf8("[" + text + "]")));
            r.add(Body.replaced(base, "object for body", contentType(), utf8("{\"items\":" + text + "}")));
            r.add(Body.replaced(base, "string for body", contentType(), utf8("\"x\"")));
            r.add(Body.replaced(base, "trailing garbage", contentType(), utf8(text + " x")));
            r.add(Body.replaced(base, "invalid UTF-8", contentType(),
                    concat(utf8("{\"x\":\""), INVALID_UTF8, utf8("\"}"))));
            r.add(Body.replaced(base, "deeply nested arrays", contentType(),
                    utf8("[".repeat(5_000) + "]".repeat(5_000))));
            r.add(Body.replaced(base, "deeply nested objects", contentType(),
                    utf8("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))));
            return r;
        }

        @Override
        public List<Request> fieldMutations(Request base) {
            List<Request> r = new ArrayList<>();
            if (schema.path("type").asText().equals("array")) {
                fields(schema.path("items"), "[0].", root -> root.path(0), base, r, 0);
            } else {
                fields(schema, "", root -> root, base, r, 0);
            }
            return r;
        }

        /** Mutations of each property of the object that {@code at} finds in a copy of the sample. */
        private void fields(JsonNode objectSchema, String prefix, UnaryOperator<JsonNode> at, Request base,
                            List<Request> out, int depth) {
            objectSchema = fuzz.resolve(objectSchema);
            if (depth > 3 || !objectSchema.has("properties")) {
                return;
            }
            Set<String> required = new HashSet<>();
            objectSchema.path("required").forEach(n -> required.add(n.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = objectSchema.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey();
                JsonNode schema = fuzz.resolve(property.getValue());
                String field = prefix + name;
                if (required.contains(name)) {
                    out.add(mutated(base, field + " missing", at, o -> o.remove(name)));
                    out.add(mutated(base, field + " null", at, o -> o.set(name, NullNode.getInstance())));
                }
                hostileValues(schema).forEach((label, value) ->
                        out.add(mutated(base, field + ": " + label, at, o -> o.set(name, value))));
                if (schema.has("properties")) {
                    fields(schema, field + ".", root -> at.apply(root).path(name), base, out, depth + 1);
                } else if (schema.path("type").asText().equals("array")
                        && fuzz.resolve(schema.path("items")).has("properties")) {
                    fields(schema.get("items"), field + "[0].", root -> at.apply(root).path(name).path(0), base,
                            out, depth + 1);
                }
            }
        }

        private Request mutated(Request base, String label, UnaryOperator<JsonNode> at,
                                Consumer<ObjectNode> change) {
            JsonNode copy = sample.deepCopy();
            if (at.apply(copy) instanceof ObjectNode object) {
                change.accept(object);
            }
            return Body.replaced(base, label, contentType(), write(copy));
        }
    }

    /** A multipart form: each text field and file broken in turn, and the whole body malformed. */
    record MultipartBody(ApiFuzzTest fuzz, JsonNode schema, Map<String, Part> parts) implements Body {

        MultipartBody(ApiFuzzTest fuzz, JsonNode schema) {
            this(fuzz, schema, baselineParts(fuzz, schema));
        }

        private static Map<String, Part> baselineParts(ApiFuzzTest fuzz, JsonNode schema) {
            Map<String, Part> parts = new LinkedHashMap<>();
            schema.path("properties").fields().forEachRemaining(p -> {
                JsonNode s = fuzz.resolve(p.getValue());
                parts.put(p.getKey(), isFile(s)
                        ? new Part(p.getKey(), "scene.jpg", "image/jpeg", Photos.jpegWithGps(64, 48, LON, LAT))
                        : Part.text(p.getKey(), utf8(fuzz.sample(s, p.getKey(), 0).asText())));
            });
            return parts;
        }

        private static boolean isFile(JsonNode schema) {
            return schema.path("format").asText().equals("binary")
                    || schema.path("items").path("format").asText().equals("binary");
        }

        @Override
        public String contentType() {
            return "multipart/form-data; boundary=" + BOUNDARY;
        }

        @Override
        public byte[] baseline() {
            return multipart(List.copyOf(parts.values()));
        }

        @Override
        public List<Request> wholeBodyMutations(Request base) {
            return Body.commonMutations(base);
        }

        @Override
        public List<Request> fieldMutations(Request base) {
            List<Request> r = new ArrayList<>();
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(n -> required.add(n.asText()));
            for (Map.Entry<String, Part> part : parts.entrySet()) {
                String name = part.getKey();
                if (required.contains(name) || part.getValue().fileName() != null) {
                    r.add(with(base, name + " missing", name, null));
                }
                if (part.getValue().fileName() != null) {
                    r.add(with(base, name + ": empty file", name, new Part(name, "empty.jpg", "image/jpeg", new byte[0])));
                    r.add(with(base, name + ": not an image", name,
                            new Part(name, "scene.jpg", "image/jpeg", utf8("GIF89a not really"))));
                    r.add(with(base, name + ": text file", name, new Part(name, "a.txt", "text/plain", INVALID_UTF8)));
                    r.add(with(base, name + ": file name with NUL", name,
                            new Part(name, "a\u0000.jpg", "image/jpeg", part.getValue().content())));
                    continue;
                }
                Map<String, byte[]> values = new LinkedHashMap<>();
                values.put("100k chars", utf8(LONG_TEXT));
                values.put("NUL", utf8(NUL));
                values.put("invalid UTF-8", INVALID_UTF8);
                values.put("empty", new byte[0]);
                values.put("not a number", utf8("abc"));
                values.put("NaN", utf8("NaN"));
                values.put("beyond double", utf8("1e400"));
                values.put("huge negative", utf8("-1e308"));
                values.forEach((label, value) -> r.add(with(base, name + ": " + label, name, Part.text(name, value))));
                r.add(Body.replaced(base, name + " as a file", contentType(), multipart(partsWith(name,
                        new Part(name, "x.txt", "text/plain", part.getValue().content())))));
            }
            return r;
        }

        private List<Part> partsWith(String name, Part replacement) {
            List<Part> list = new ArrayList<>();
            parts.forEach((n, p) -> {
                if (!n.equals(name)) {
                    list.add(p);
                } else if (replacement != null) {
                    list.add(replacement);
                }
            });
            return list;
        }

        private Request with(Request base, String mutation, String name, Part replacement) {
            return Body.replaced(base, mutation, contentType(), multipart(partsWith(name, replacement)));
        }
    }

    /** A form-encoded body (Open311): each field left out or given extremes and broken encodings. */
    record FormBody(ApiFuzzTest fuzz, JsonNode schema, Map<String, String> fields) implements Body {

        FormBody(ApiFuzzTest fuzz, JsonNode schema) {
            this(fuzz, schema, baselineFields(fuzz, schema));
        }

        private static Map<String, String> baselineFields(ApiFuzzTest fuzz, JsonNode schema) {
            Map<String, String> fields = new LinkedHashMap<>();
            schema.path("properties").fields().forEachRemaining(p -> {
                if (!fuzz.resolve(p.getValue()).path("type").asText().equals("object")) {
                    fields.put(p.getKey(), encode(p.getKey().equals("api_key") ? fuzz.open311Key
                            : fuzz.sample(p.getValue(), p.getKey(), 0).asText()));
                }
            });
            return fields;
        }

        @Override
        public String contentType() {
            return "application/x-www-form-urlencoded";
        }

        @Override
        public byte[] baseline() {
            return form(fields);
        }

        private static byte[] form(Map<String, String> fields) {
            return utf8(fields.entrySet().stream().map(f -> f.getKey() + "=" + f.getValue())
                    .collect(Collectors.joining("&")));
        }

        @Override
        public List<Request> wholeBodyMutations(Request base) {
            return Body.commonMutations(base);
        }

        @Override
        public List<Request> fieldMutations(Request base) {
            List<Request> r = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("100k chars", encode(LONG_TEXT));
            values.put("NUL", "a%00b");
            values.put("invalid UTF-8", "a%FF%FEb");
            values.put("lone surrogate", "a%ED%A0%80b");
            values.put("empty", "");
            values.put("NaN", "NaN");
            values.put("beyond double", "1e400");
            values.put("not a number", "abc");
            for (String name : fields.keySet()) {
                Map<String, String> without = new LinkedHashMap<>(fields);
                without.remove(name);
                r.add(Body.replaced(base, name + " missing", contentType(), form(without)));
                values.forEach((label, value) -> r.add(Body.replaced(base, name + ": " + label, contentType(),
                        form(ApiFuzzTest.replaced(fields, name, value)))));
            }
            return r;
        }
    }

    static byte[] multipart(List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"") + "\r\n"
                    + (p.contentType() == null ? "" : "Content-Type: " + p.contentType() + "\r\n") + "\r\n"));
            out.writeBytes(p.content());
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    static byte[] concat(byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] a : arrays) {
            out.writeBytes(a);
        }
        return out.toByteArray();
    }

    // ---- sending and checking --------------------------------------------------------------------------------

    private HttpResponse<String> send(Caller caller, String method, Request r) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/$", "") + r.path()))
                .timeout(Duration.ofSeconds(30))
                .method(method, r.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        r.headers().forEach((name, value) -> request.header(name,
                value.equals(FRESH) ? new UUID(random.nextLong(), random.nextLong()).toString() : value));
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        if (r.contentType() != null) {
            request.header("Content-Type", r.contentType());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What is wrong with the answer, or null: a 5xx, a refusal that is no problem, or one that changed rows. */
    private static String check(String template, HttpResponse<String> response, String changes) {
        int status = response.statusCode();
        String excerpt = response.body().replaceAll("\\s+", " ");
        excerpt = excerpt.length() > 300 ? excerpt.substring(0, 300) + "…" : excerpt;
        if (status >= 500) {
            return status + " " + excerpt;
        }
        if (status < 400) {
            return null;
        }
        if (!changes.isEmpty()) {
            return status + " but rows changed: " + changes;
        }
        // Open311 paths answer in that standard's error format (ErrorDialect)
        if (!template.contains("/open311/v2/")) {
            String type = response.headers().firstValue("Content-Type").orElse("none");
            if (!type.startsWith(Problem.MEDIA_TYPE) || !isProblem(response.body(), status)) {
                return status + " is not a problem+json with title and status: " + type + " " + excerpt;
            }
        }
        return null;
    }

    private static boolean isProblem(String body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("title").isTextual() && problem.path("status").asInt() == status;
        } catch (Exception e) {
            return false;
        }
    }

    /** Row counts of every table in the public schema, read in one statement as superuser. */
    static final class RowCounts implements AutoCloseable {
        private final Connection connection;
        private final List<String> tables;
        private final PreparedStatement counts;

        RowCounts() throws SQLException {
            connection = Db.superuser();
            tables = Db.strings("select tablename from pg_tables where schemaname = 'public' order by tablename");
            counts = connection.prepareStatement("select " + tables.stream()
                    .map(t -> "(select count(*) from public.\"" + t + "\")").collect(Collectors.joining(", ")));
        }

        long[] read() throws SQLException {
            try (ResultSet rs = counts.executeQuery()) {
                rs.next();
                long[] values = new long[tables.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 1);
                }
                return values;
            }
        }

        /** The tables whose count differs, as "table before→after". */
        String changes(long[] before, long[] after) {
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < before.length; i++) {
                if (before[i] != after[i]) {
                    changed.add(tables.get(i) + " " + before[i] + "→" + after[i]);
                }
            }
            return String.join(", ", changed);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
