package cn.fengxing.e2e;

import cn.fengxing.local.DemoRealm;
import cn.fengxing.local.LocalKeycloak;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/**
 * End to end with the real Keycloak: the tenant-admin client onboards two townships with client
 * credentials, a demo user signs in with the password grant and reads their own township's grids,
 * is refused another township's, and a token from another issuer is refused.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class KeycloakEndToEndTest {

    @Test
    void aDemoUserReadsItsTownshipsGridsAndIsRefusedAnother() {
        LocalKeycloak keycloak = KeycloakProfile.KeycloakResource.keycloak;
        String operator = keycloak.clientAccessToken(DemoRealm.TENANT_ADMIN_CLIENT_ID, DemoRealm.TENANT_ADMIN_CLIENT_SECRET);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(TestTenants.manifest("e2e-a", 111.19, 37.36, DemoRealm.NINGXIANG_ADMIN_SUBJECT))
                .put("/api/platform/tenants/e2e-a").then().statusCode(200);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(TestTenants.manifest("e2e-b", 113.57, 37.86, DemoRealm.BEIDAJIE_ADMIN_SUBJECT))
                .put("/api/platform/tenants/e2e-b").then().statusCode(200);

        String admin = keycloak.userAccessToken(DemoRealm.NINGXIANG_ADMIN_USERNAME, DemoRealm.PASSWORD);
        given().auth().oauth2(admin).get("/api/me").then().statusCode(200)
                .body("subject", equalTo(DemoRealm.NINGXIANG_ADMIN_SUBJECT))
                .body("memberships[0].tenant", equalTo("e2e-a"));
        given().auth().oauth2(admin).get("/api/t/e2e-a/grids").then().statusCode(200)
                .body("total", greaterThan(0));
        given().auth().oauth2(admin).get("/api/t/e2e-b/grids").then().statusCode(403)
                .contentType("application/problem+json");

        // signed by a key and issuer this API does not trust
        given().auth().oauth2(Tokens.of(DemoRealm.NINGXIANG_ADMIN_SUBJECT)).get("/api/t/e2e-a/grids")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
