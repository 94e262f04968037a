package cn.fengxing.tenancy;

import cn.fengxing.identity.Role;
import cn.fengxing.support.EventStream;
import cn.fengxing.support.TenantEndpoints;
import cn.fengxing.support.TenantEndpoints.Endpoint;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix (every tenant endpoint × every role) and the isolation matrix (a member of
 * township A against township B's data, through B's path and through A's path with B's ids).
 */
@QuarkusTest
class AccessMatrixTest {

    static final String A = "mx-a";
    static final String B = "mx-b";
    static long communityB;
    static long gridB;
    static long communityA;
    static long gridA;

    @BeforeEach
    void townships() {
        TestTenants.onboard(A, 120.0, 25.0);
        TestTenants.onboard(B, 121.0, 25.0);
        communityA = id(A, "/communities", "c1");
        gridA = id(A, "/grids", "g1");
        communityB = id(B, "/communities", "c1");
        gridB = id(B, "/grids", "g1");
    }

    private static long id(String tenant, String list, String code) {
        JsonPath page = given().auth().oauth2(Tokens.of(TestTenants.admin(tenant))).get("/api/t/" + tenant + list)
                .then().statusCode(200).extract().jsonPath();
        return page.getLong("items.find { it.code == '" + code + "' }.id");
    }

    private static String tokenFor(String tenant, Role role) {
        return switch (role) {
            case PLATFORM_OPERATOR -> Tokens.of(Tokens.OPERATOR);
            case TENANT_ADMIN -> Tokens.of(TestTenants.admin(tenant));
            default -> Tokens.of(TestTenants.member(tenant, role.code()));
        };
    }

    /** What a probe got back. */
    private record Answer(int status, String contentType) {
    }

    private static Answer call(String token, String tenant, Endpoint e, long community, long grid) {
        String path = path(tenant, e, community, grid);
        if (e.probeBody() == TenantEndpoints.STREAM) {
            try (EventStream stream = EventStream.openWithToken(token, path)) {
                return new Answer(stream.status(), stream.contentType());
            }
        }
        Response r = withBody(given().auth().oauth2(token), e, tenant).request(e.method(), path);
        return new Answer(r.statusCode(), r.contentType());
    }

    /** The endpoint's path in the township: its own community and grid, a missing row for any other id. */
    private static String path(String tenant, Endpoint e, long community, long grid) {
        return "/api/t/" + tenant + e.path().replace("{community}", String.valueOf(community))
                .replace("{grid}", String.valueOf(grid)).replaceAll("\\{\\w+}", "999999999");
    }

    /** The endpoint's probe body: JSON, a multipart upload, or a form (with an Open311 key of the township). */
    private static RequestSpecification withBody(RequestSpecification request, Endpoint e, String tenant) {
        if (e.probeBody() instanceof TenantEndpoints.Upload upload) {
            return request.multiPart("file", upload.fileName(), upload.content());
        }
        if (e.probeBody() instanceof TenantEndpoints.Form form) {
            return request.contentType(ContentType.URLENC)
                    .body(form.body().replace(TenantEndpoints.OPEN311_KEY, open311Key(tenant)));
        }
        return e.probeBody() == null || e.probeBody() == TenantEndpoints.STREAM ? request
                : request.contentType(ContentType.JSON).body(e.probeBody());
    }

    private static final Map<String, String> OPEN311_KEYS = new HashMap<>();

    /** A valid Open311 key of the township, issued by its admin once per test run. */
    private static String open311Key(String tenant) {
        return OPEN311_KEYS.computeIfAbsent(tenant, t -> given().auth().oauth2(Tokens.of(TestTenants.admin(t)))
                .contentType(ContentType.JSON).body(Map.of("name", "matrix")).post("/api/t/" + t + "/open311/keys")
                .then().statusCode(201).extract().jsonPath().getString("secret"));
    }

    @Test
    void everyTenantEndpointIsInTheMatrix() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        TreeSet<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/t/")) {
                operations.keySet().forEach(m -> documented.add(m.toUpperCase() + " " + path));
            }
        });
        TreeSet<String> covered = new TreeSet<>();
        TenantEndpoints.ALL.forEach(e -> covered.add(TenantEndpoints.openApiKey(e)));
        assertThat(covered).isEqualTo(documented);
    }

    @Test
    void everyRoleGetsExactlyWhatTheEndpointAllows() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : TenantEndpoints.ALL) {
            for (Role role : Role.values()) {
                if (role == Role.REGION_VIEWER) {
                    continue; // holds no tenant role: covered by the outsider case below
                }
                int status = call(tokenFor(A, role), A, e, communityA, gridA).status();
                boolean allowed = e.isPublic() || e.isSignedIn() || e.allowed().contains(role);
                if (allowed ? (status == 403 || status == 401 || status >= 500) : status != 403) {
                    wrong.add(role.code() + " " + e.method() + " " + e.path() + " -> " + status);
                }
            }
            int outsider = call(Tokens.of("nobody-at-all"), A, e, communityA, gridA).status();
            int anonymous = withBody(given(), e, A).request(e.method(), path(A, e, communityA, gridA)).statusCode();
            if (e.isPublic()) {
                // open to all: everyone gets what the township's own admin gets, and that is no refusal
                int expected = call(tokenFor(A, Role.TENANT_ADMIN), A, e, communityA, gridA).status();
                if (expected == 401 || expected == 403 || expected >= 500 || outsider != expected || anonymous != expected) {
                    wrong.add("public " + e.method() + " " + e.path() + " -> admin " + expected + ", outsider "
                            + outsider + ", anonymous " + anonymous);
                }
                continue;
            }
            if (e.isSignedIn() ? (outsider == 401 || outsider == 403 || outsider >= 500) : outsider != 403) {
                wrong.add("outsider " + e.method() + " " + e.path() + " -> " + outsider);
            }
            if (anonymous != 401) {
                wrong.add("anonymous " + e.method() + " " + e.path() + " -> " + anonymous);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aMemberOfAGetsNothingOfBThroughBsPath() {
        // open operations (public, or any signed-in caller such as rider self-registration) are open by design
        for (Endpoint e : TenantEndpoints.ALL.stream().filter(e -> !e.isPublic() && !e.isSignedIn()).toList()) {
            for (Role role : Role.TENANT_ROLES) {
                Answer r = call(tokenFor(A, role), B, e, communityB, gridB);
                assertThat(r.status()).as("%s %s as %s of %s", e.method(), e.path(), role.code(), A).isEqualTo(403);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void anOpen311KeyOfAIsRefusedInB() {
        for (Endpoint e : TenantEndpoints.ALL.stream().filter(e -> e.probeBody() instanceof TenantEndpoints.Form).toList()) {
            String body = ((TenantEndpoints.Form) e.probeBody()).body();
            Response withAsKey = given().contentType(ContentType.URLENC)
                    .body(body.replace(TenantEndpoints.OPEN311_KEY, open311Key(A))).request(e.method(), path(B, e, communityB, gridB));
            assertThat(withAsKey.statusCode()).as("%s %s with %s's key in %s", e.method(), e.path(), A, B).isEqualTo(403);
            assertThat(withAsKey.statusCode()).isNotEqualTo(withBody(given(), e, B).request(e.method(),
                    path(B, e, communityB, gridB)).statusCode());
        }
    }

    @Test
    void bsIdsThroughAsPathAreNotFoundAndUnchanged() {
        String admin = tokenFor(A, Role.TENANT_ADMIN);
        String path = "/api/t/" + A;
        given().auth().oauth2(admin).get(path + "/grids/" + gridB).then().statusCode(404);
        given().auth().oauth2(admin).get(path + "/communities/" + communityB).then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", "stolen", "name", "stolen"))
                .put(path + "/communities/" + communityB).then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", "stolen", "name", "stolen", "communityId", communityA, "type", "basic",
                        "boundary", TestTenants.square(120.0, 25.0, 0.01)))
                .put(path + "/grids/" + gridB).then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", "cross", "name", "cross", "communityId", communityB, "type", "basic",
                        "boundary", TestTenants.square(120.0, 25.0, 0.01)))
                .post(path + "/grids").then().statusCode(404);
        given().auth().oauth2(admin).delete(path + "/grids/" + gridB).then().statusCode(404);
        given().auth().oauth2(admin).delete(path + "/communities/" + communityB).then().statusCode(404);

        given().auth().oauth2(tokenFor(B, Role.TENANT_ADMIN)).get("/api/t/" + B + "/grids/" + gridB).then()
                .statusCode(200).body("code", org.hamcrest.Matchers.equalTo("g1"));
        given().auth().oauth2(tokenFor(B, Role.TENANT_ADMIN)).get("/api/t/" + B + "/communities/" + communityB).then()
                .statusCode(200).body("name", org.hamcrest.Matchers.equalTo("一社区"));
    }

    @Test
    void listsAndLookupsInAHoldOnlyAsRows() {
        String admin = tokenFor(A, Role.TENANT_ADMIN);
        List<Integer> gridIds = given().auth().oauth2(admin).queryParam("size", 200).get("/api/t/" + A + "/grids")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
        assertThat(gridIds).isNotEmpty().doesNotContain((int) gridB);
        List<Integer> communityIds = given().auth().oauth2(admin).get("/api/t/" + A + "/communities")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
        assertThat(communityIds).hasSize(2).doesNotContain((int) communityB);
        // B's grid centre, asked in A: no grid there
        given().auth().oauth2(admin).queryParam("lon", 121.0).queryParam("lat", 25.0).get("/api/t/" + A + "/grids/locate")
                .then().statusCode(200).body("grid", org.hamcrest.Matchers.nullValue());
    }
}
