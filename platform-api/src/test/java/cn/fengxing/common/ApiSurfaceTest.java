package cn.fengxing.common;

import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** OpenAPI, health, metrics, the web UI and "who am I". */
@QuarkusTest
class ApiSurfaceTest {

    /** Operations open without a token (annotated @PublicAccess); every other one declares the OIDC scheme. */
    static final java.util.Set<String> PUBLIC = java.util.Set.of("get /api/config", "get /api/t/{tenant}/profile",
            "get /api/t/{tenant}/keys", "post /api/t/{tenant}/epasses/verify",
            // Open311 GeoReport v2: reads open to all, filing with the township's API key (a form field, not a scheme)
            "get /api/t/{tenant}/open311/v2/discovery.{format}", "get /api/t/{tenant}/open311/v2/services.{format}",
            "get /api/t/{tenant}/open311/v2/services/{service_code}.{format}",
            "post /api/t/{tenant}/open311/v2/requests.{format}", "get /api/t/{tenant}/open311/v2/requests.{format}",
            "get /api/t/{tenant}/open311/v2/requests/{service_request_id}.{format}",
            "get /api/t/{tenant}/open311/v2/tokens/{token}.{format}");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDescribedTaggedAndSecured() {
        Map<String, Object> doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) doc.get("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (!path.startsWith("/api/") || path.startsWith("/api/test/")) {
                return;
            }
            if (op.get("description") == null || op.get("summary") == null) {
                missing.add(method + " " + path + " description");
            }
            if (op.get("tags") == null) {
                missing.add(method + " " + path + " tags");
            }
            if (op.get("security") == null && !PUBLIC.contains(method + " " + path)) {
                missing.add(method + " " + path + " security");
            }
        }));
        assertThat(missing).isEmpty();
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        assertThat(schemes).containsKey("oidc");
        assertThat((Map<String, Object>) schemes.get("oidc")).containsEntry("type", "openIdConnect");
    }

    @Test
    void healthIncludesTheDatabaseAndMetricsAreExposed() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void theWebUiIsServedAtTheRootAndOnDeepLinks() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html")).body(containsString("<div id=\"app\">"));
        given().get("/t/ningxiang/console").then().statusCode(200).body(containsString("<div id=\"app\">"));
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void meListsMembershipsAndGrants() {
        TestTenants.onboard("me-a", 124.0, 28.0);
        TestTenants.onboard("me-b", 125.0, 28.0);
        given().auth().oauth2(Tokens.of("me-a-rider")).get("/api/me").then().statusCode(200)
                .body("subject", equalTo("me-a-rider"))
                .body("memberships.tenant", equalTo(List.of("me-a")))
                .body("memberships[0].roles", equalTo(List.of("rider")))
                .body("grants.size()", equalTo(0));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).get("/api/me").then().statusCode(200)
                .body("grants.role", hasItem("platform_operator"));
    }
}
