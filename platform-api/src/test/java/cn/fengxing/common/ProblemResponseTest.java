package cn.fengxing.common;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Every kind of error is an RFC 9457 problem, titled in zh-CN or English by Accept-Language. */
@QuarkusTest
class ProblemResponseTest {

    static final String T = "prob";

    @BeforeEach
    void township() {
        TestTenants.onboard(T, 122.0, 26.0);
    }

    private static String admin() {
        return Tokens.of(TestTenants.admin(T));
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status, String slug) {
        return r.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:fengxing:problem:" + slug))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void malformedJson() {
        problem(given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"code\": \"x\", ")
                .post("/api/t/" + T + "/communities").then(), 400, "malformed-request")
                .body("title", equalTo("请求格式错误"));
        problem(given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"code\": \"x\", \"name\": [1]}")
                .post("/api/t/" + T + "/communities").then(), 400, "validation")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void validationNamesTheOffendingFieldsInTheCallersLanguage() {
        long before = Db.count("select count(*) from community where tenant_id = '" + T + "'");
        problem(given().auth().oauth2(admin()).header("Accept-Language", "en-GB,en;q=0.9")
                .contentType(ContentType.JSON).body(Map.of("code", "bad code!", "name", ""))
                .post("/api/t/" + T + "/communities").then(), 400, "validation")
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid input"))
                .body("errors.field", hasItems("code", "name"));
        problem(given().auth().oauth2(admin()).header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON).body(Map.of("code", "c9", "name", "九社区", "communityId", 1,
                        "type", "basic", "boundary", Map.of("type", "Polygon", "coordinates",
                                java.util.List.of(java.util.List.of(java.util.List.of(1, 1), java.util.List.of(2, 1),
                                        java.util.List.of(2, 2), java.util.List.of(1, 2))))))
                .post("/api/t/" + T + "/grids").then(), 400, "validation")
                .body("title", equalTo("输入不合规"))
                .body("errors[0].field", equalTo("boundary"))
                .body("errors[0].message", containsString("未闭合"));
        assertThat(Db.count("select count(*) from community where tenant_id = '" + T + "'")).isEqualTo(before);
    }

    @Test
    void notFound() {
        problem(given().auth().oauth2(admin()).get("/api/t/" + T + "/grids/424242").then(), 404, "not-found");
        problem(given().auth().oauth2(admin()).get("/api/t/no-such-town/grids").then(), 404, "not-found")
                .body("detail", containsString("no-such-town"));
        problem(given().auth().oauth2(admin()).get("/api/no/such/route").then(), 404, "not-found");
    }

    @Test
    void forbidden() {
        problem(given().auth().oauth2(Tokens.of(TestTenants.member(T, "rider"))).contentType(ContentType.JSON)
                .body(Map.of("code", "c7", "name", "七社区")).post("/api/t/" + T + "/communities").then(), 403, "forbidden")
                .body("title", equalTo("无权操作"));
        problem(given().auth().oauth2(admin()).get("/api/test/no-rule").then(), 403, "forbidden");
    }

    @Test
    void conflict() {
        problem(given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("code", "c1", "name", "重复"))
                .post("/api/t/" + T + "/communities").then(), 409, "conflict")
                .body("detail", containsString("c1"));
    }

    @Test
    void unexpectedFailureHidesItsInternals() {
        problem(given().auth().oauth2(admin()).header("Accept-Language", "en").get("/api/test/boom").then(), 500, "internal")
                .body("title", equalTo("Internal error"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("IllegalStateException")))
                .body("errors", nullValue());
    }

    @Test
    void unauthenticatedAndForeignIssuerTokens() {
        problem(given().get("/api/me").then(), 401, "unauthenticated").header("WWW-Authenticate", "Bearer");
        problem(given().auth().oauth2("not-a-jwt").get("/api/me").then(), 401, "unauthenticated");
        String foreign = Jwt.subject(TestTenants.admin(T)).issuer("https://elsewhere.example.org")
                .audience("fengxing-api").jws().keyId("1").sign("privateKey.jwk");
        problem(given().auth().oauth2(foreign).get("/api/t/" + T + "/grids").then(), 401, "unauthenticated");
        String otherAudience = Jwt.subject(TestTenants.admin(T)).issuer("https://server.example.com")
                .audience("https://another-api.example.com").jws().keyId("1").sign("privateKey.jwk");
        problem(given().auth().oauth2(otherAudience).get("/api/t/" + T + "/grids").then(), 401, "unauthenticated");
        String expired = Jwt.subject(TestTenants.admin(T)).issuer("https://server.example.com")
                .expiresAt(java.time.Instant.now().minusSeconds(3600)).jws().keyId("1").sign("privateKey.jwk");
        problem(given().auth().oauth2(expired).get("/api/t/" + T + "/grids").then(), 401, "unauthenticated");
        given().auth().oauth2(OidcWiremockTestResource.generateJwtToken("x", java.util.Set.of(), TestTenants.admin(T)))
                .get("/api/t/" + T + "/grids").then().statusCode(200);
    }

    @Test
    void pagingLimits() {
        problem(given().auth().oauth2(admin()).queryParam("size", 201).get("/api/t/" + T + "/grids").then(), 400, "bad-request")
                .body("detail", containsString("200"));
        problem(given().auth().oauth2(admin()).queryParam("page", -1).get("/api/t/" + T + "/grids").then(), 400, "bad-request");
        // page × size past an int: no list is that long
        problem(given().auth().oauth2(admin()).queryParam("page", 999_999_999).get("/api/t/" + T + "/grids").then(),
                400, "bad-request");
    }

    @Test
    void wrongMethodAndMediaType() {
        problem(given().auth().oauth2(admin()).patch("/api/t/" + T + "/grids").then(), 405, "method-not-allowed");
        problem(given().auth().oauth2(admin()).contentType(ContentType.XML).body("<x/>")
                .post("/api/t/" + T + "/communities").then(), 415, "unsupported-media-type");
    }
}
