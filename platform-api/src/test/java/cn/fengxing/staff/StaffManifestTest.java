package cn.fengxing.staff;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Manifests naming members by e-mail or phone where the identity provider keeps no directory (the test profile):
 * invitations, written once, none on a dry run, bound at first sign-in; usernames and two names at once refused.
 */
@QuarkusTest
class StaffManifestTest {

    static final String T = "sm-a";

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifestWith(Map<String, Object> member) {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(T, 128.0, 35.0));
        List<Object> members = new ArrayList<>((List<Object>) manifest.get("members"));
        members.add(member);
        manifest.put("members", members);
        return manifest;
    }

    static io.restassured.response.ValidatableResponse apply(Map<String, Object> manifest, boolean dryRun) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .queryParam("dryRun", dryRun).put("/api/platform/tenants/" + T).then();
    }

    @Test
    void aMemberNamedByEmailIsInvitedOnceAndBindsAtFirstSignIn() {
        TestTenants.onboard(T, 128.0, 35.0);
        String email = "sm." + System.nanoTime() + "@example.cn";
        Map<String, Object> manifest = manifestWith(Map.of("email", email, "name", "孙丽", "roles", List.of("dispatcher")));
        apply(manifest, true).statusCode(200).body("changes", hasItem("+ invitation email " + email + " dispatcher"));
        assertThat(Db.count("select count(*) from member_invitation where email = '" + email + "'")).isZero();
        apply(manifest, false).statusCode(200).body("changes", hasItem("+ invitation email " + email + " dispatcher"));
        apply(manifest, false).statusCode(200).body("outcome", equalTo("unchanged"));
        assertThat(Db.count("select count(*) from member_invitation where email = '" + email + "'")).isOne();

        String person = "sm-sun-" + System.nanoTime();
        given().auth().oauth2(Tokens.withClaims(person, Map.of("email", email, "email_verified", true)))
                .get("/api/me").then().statusCode(200).body("memberships[0].tenant", equalTo(T))
                .body("memberships[0].roles", equalTo(List.of("dispatcher")));
        assertThat(Db.count("select count(*) from member_invitation where email = '" + email + "'")).isZero();
    }

    @Test
    void usernamesWithoutADirectoryAndTwoNamesAtOnceAreRefused() {
        apply(manifestWith(Map.of("username", "zhou", "name", "周", "roles", List.of("handler"))), false).statusCode(400);
        apply(manifestWith(Map.of("subject", "sm-x", "email", "x@example.cn", "roles", List.of("handler"))), false)
                .statusCode(400);
        apply(manifestWith(Map.of("name", "无名", "roles", List.of("handler"))), false).statusCode(400);
        apply(manifestWith(Map.of("phone", "123", "roles", List.of("handler"))), false).statusCode(400);
    }
}
