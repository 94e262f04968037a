package cn.fengxing.platform;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The operator's regional grants name people: a name given when granting, or the grantee's own at their first
 * sign-in; a grantee named by username needs the identity provider's directory (none in this profile), and every
 * refusal changes nothing.
 */
@QuarkusTest
class RegionGrantsTest {

    private static final String REGION = "测试省/测试市/grants-a县";

    @BeforeEach
    void township() {
        if (Db.count("select count(*) from tenant where code = 'grants-a'") == 0) {
            TestTenants.onboard("grants-a", 111.0, 35.0);
        }
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    private static Map<String, Object> grant(String subject, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("subject", subject, "regionPath", REGION, "role", "region_viewer"));
        if (name != null) {
            body.put("name", name);
        }
        return body;
    }

    @Test
    void aGrantCarriesTheNameGivenAndANewNameRenamesIt() {
        operator().body(grant("grantee-named", "韩丽娟")).put("/api/platform/region-grants").then().statusCode(200)
                .body("name", equalTo("韩丽娟")).body("oneTimePassword", nullValue());
        operator().body(grant("grantee-named", "韩丽娟")).put("/api/platform/region-grants").then().statusCode(200);
        long renames = Db.count("select count(*) from audit_log where action = 'grant.rename' and target = 'grantee-named'");
        operator().body(grant("grantee-named", "韩丽娟 ")).put("/api/platform/region-grants").then().statusCode(200);
        assertThat(Db.count("select count(*) from region_grant where subject = 'grantee-named'")).isEqualTo(1);
        assertThat(Db.count("select count(*) from audit_log where action = 'grant.rename' and target = 'grantee-named'"))
                .isEqualTo(renames);

        operator().body(grant("grantee-named", "韩丽芳")).put("/api/platform/region-grants").then().statusCode(200)
                .body("name", equalTo("韩丽芳"));
        assertThat(Db.count("select count(*) from audit_log where action = 'grant.rename' and target = 'grantee-named'"))
                .isEqualTo(renames + 1);
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).queryParam("size", 100).get("/api/platform/region-grants")
                .then().statusCode(200).body("items.findAll { it.subject == 'grantee-named' }.name", hasItem("韩丽芳"));
    }

    @Test
    void aGranteeGivenBySubjectIsNamedAtTheirSignIn() {
        operator().body(grant("grantee-unnamed", null)).put("/api/platform/region-grants").then().statusCode(200)
                .body("name", nullValue());
        String token = Tokens.withClaims("grantee-unnamed", Map.of("family_name", "冯", "given_name", "晓东"));
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("grants[0].name", equalTo("冯晓东"));
        assertThat(Db.strings("select name from region_grant where subject = 'grantee-unnamed'")).containsExactly("冯晓东");
        // a name the operator gave stays what it is
        operator().body(grant("grantee-unnamed", "冯晓冬")).put("/api/platform/region-grants").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("grants[0].name", equalTo("冯晓冬"));
    }

    @Test
    void refusalsNameTheProblemAndChangeNothing() {
        long grants = Db.count("select count(*) from region_grant");
        Map<String, Object> both = grant("grantee-both", "韩丽娟");
        both.put("username", "han.lijuan");
        operator().body(both).put("/api/platform/region-grants").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("detail", containsString("exactly one"));

        Map<String, Object> none = grant("", "韩丽娟");
        operator().body(none).put("/api/platform/region-grants").then().statusCode(400);

        Map<String, Object> byUsername = new HashMap<>(Map.of("username", "han.lijuan", "name", "韩丽娟",
                "regionPath", REGION, "role", "region_viewer"));
        operator().body(byUsername).put("/api/platform/region-grants").then().statusCode(400)
                .body("detail", containsString("OIDC subject"));

        Map<String, Object> badPhone = new HashMap<>(Map.of("phone", "12345", "name", "韩丽娟",
                "regionPath", REGION, "role", "region_viewer"));
        operator().body(badPhone).put("/api/platform/region-grants").then().statusCode(400);

        Map<String, Object> nul = grant("grantee-nul", "韩\u0000丽娟");
        operator().body(nul).put("/api/platform/region-grants").then().statusCode(400);

        Map<String, Object> tooLong = grant("grantee-long", "韩".repeat(101));
        operator().body(tooLong).put("/api/platform/region-grants").then().statusCode(400);

        // not an operator: a region viewer or a township admin cannot grant
        given().auth().oauth2(Tokens.of("grantee-named")).contentType(ContentType.JSON).body(grant("grantee-x", "某人"))
                .put("/api/platform/region-grants").then().statusCode(403);
        given().auth().oauth2(Tokens.of(TestTenants.admin("grants-a"))).contentType(ContentType.JSON)
                .body(grant("grantee-x", "某人")).put("/api/platform/region-grants").then().statusCode(403);
        assertThat(Db.count("select count(*) from region_grant")).isEqualTo(grants);
    }
}
