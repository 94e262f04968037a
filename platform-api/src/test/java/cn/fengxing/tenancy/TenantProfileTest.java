package cn.fengxing.tenancy;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.endsWith;

/** Sign-in settings, and a township's branding and map as the web UI reads them before sign-in. */
@QuarkusTest
class TenantProfileTest {

    static final String T = "brand";

    @BeforeEach
    void township() {
        TestTenants.onboard(T, 126.0, 29.0);
    }

    private static Map<String, Object> settings(String color, String system) {
        return Map.of(
                "branding", Map.of("displayName", "品牌镇", "logoUrl", "/logo.png", "primaryColor", color),
                "map", Map.of("tileUrl", "https://tiles.example/{z}/{x}/{y}.png", "attribution", "测试",
                        "coordinateSystem", system, "center", List.of(126.0, 29.0), "zoom", 14, "maxZoom", 18));
    }

    @Test
    void webUiConfigNamesTheIssuerAndPublicClient() {
        given().get("/api/config").then().statusCode(200)
                .body("oidc.clientId", equalTo("fengxing-web"))
                .body("oidc.issuer", endsWith("/realms/quarkus/"));
    }

    @Test
    void defaultsComeFromTheTownshipAndAdminChangesAreAuditedAndSurviveAManifest() {
        given().get("/api/t/" + T + "/profile").then().statusCode(200)
                .body("branding.displayName", equalTo(T + " 镇"))
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("map.coordinateSystem", equalTo("WGS84"));

        String admin = Tokens.of(TestTenants.admin(T));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(settings("#0a7cff", "GCJ02"))
                .put("/api/t/" + T + "/profile").then().statusCode(200)
                .body("branding.primaryColor", equalTo("#0a7cff"));
        given().get("/api/t/" + T + "/profile").then().statusCode(200)
                .body("branding.displayName", equalTo("品牌镇"))
                .body("map.coordinateSystem", equalTo("GCJ02"))
                .body("map.center", hasItems(126.0f, 29.0f));
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + T + "' and action = 'tenant.branding'"))
                .isEqualTo(1);

        TestTenants.onboard(T, 126.0, 29.0); // re-applying the manifest keeps the console's branding
        given().get("/api/t/" + T + "/profile").then().body("branding.displayName", equalTo("品牌镇"));

        // a manifest naming some map values sets those and keeps the rest
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(T, 126.0, 29.0));
        manifest.put("settings", Map.of("map", Map.of("zoom", 12)));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + T).then().statusCode(200).body("outcome", equalTo("updated"));
        given().get("/api/t/" + T + "/profile").then().body("map.zoom", equalTo(12))
                .body("map.coordinateSystem", equalTo("GCJ02")).body("branding.displayName", equalTo("品牌镇"));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + T).then().statusCode(200).body("outcome", equalTo("unchanged"));
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndChangeNothing() {
        Map<String, Object> bad = new HashMap<>(settings("orange", "MERCATOR"));
        given().auth().oauth2(Tokens.of(TestTenants.admin(T))).contentType(ContentType.JSON).body(bad)
                .put("/api/t/" + T + "/profile").then().statusCode(400)
                .body("errors.field", hasItems("map.coordinateSystem"));
        bad.put("map", Map.of("tileUrl", "ftp://x", "coordinateSystem", "WGS84", "center", List.of(500, 1), "zoom", 0, "maxZoom", 19));
        given().auth().oauth2(Tokens.of(TestTenants.admin(T))).contentType(ContentType.JSON).body(bad)
                .put("/api/t/" + T + "/profile").then().statusCode(400)
                .body("errors.field", hasItems("branding.primaryColor", "map.tileUrl", "map.center[0]", "map.zoom"));
        given().get("/api/t/" + T + "/profile").then().body("branding.primaryColor", equalTo("#f5a623"));
        given().get("/api/t/nowhere/profile").then().statusCode(404);
    }
}
