package cn.fengxing.staff;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A township admin manages its staff: invites (here without a user directory, so by e-mail or phone, bound when the
 * person signs in with it verified), changes roles, removes; every change audited, the last admin kept, bad input
 * refused without a change, and only the township's own admin may.
 */
@QuarkusTest
class StaffApiTest {

    static final String A = "sf-a";
    static final String B = "sf-b";

    @BeforeEach
    void townships() {
        TestTenants.onboard(A, 127.0, 34.0);
        TestTenants.onboard(B, 127.5, 34.0);
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(TestTenants.admin(A));
    }

    static List<String> roles(String subject) {
        return Db.strings("select array_to_string(roles, ',') || ' ' || status from membership where tenant_code = '"
                + A + "' and subject = '" + subject + "'");
    }

    static long audited(String action) {
        return Db.count("select count(*) from audit_log where tenant_code = '" + A + "' and action = '" + action + "'");
    }

    @Test
    void anInvitationByEmailBindsWhenThatEmailSignsInVerified() {
        String email = "li.na." + System.nanoTime() + "@example.cn";
        long before = audited("member.invite");
        admin().body(Map.of("email", " " + email.toUpperCase() + " ", "name", "李娜", "roles", List.of("dispatcher")))
                .post("/api/t/" + A + "/members").then().statusCode(201)
                .body("pending", equalTo(true)).body("subject", nullValue()).body("roles", equalTo(List.of("dispatcher")));
        assertThat(audited("member.invite")).isEqualTo(before + 1);
        String person = "sf-li-" + System.nanoTime();
        // an unverified e-mail proves nothing
        given().auth().oauth2(Tokens.withClaims(person, Map.of("email", email, "email_verified", false)))
                .get("/api/t/" + A + "/grids").then().statusCode(403);
        given().auth().oauth2(Tokens.withClaims(person, Map.of("email", email, "email_verified", true)))
                .get("/api/t/" + A + "/grids").then().statusCode(200);
        assertThat(roles(person)).containsExactly("dispatcher active");
        given().auth().oauth2(Tokens.of(person)).get("/api/me").then().statusCode(200)
                .body("memberships[0].tenant", equalTo(A));
        // bound once: the invitation is gone
        assertThat(Db.count("select count(*) from member_invitation where email = '" + email + "'")).isZero();
    }

    @Test
    void anInvitationByPhoneBindsToTheVerifiedPhone() {
        String phone = "139" + String.valueOf(System.nanoTime()).substring(0, 8);
        admin().body(Map.of("phone", "+86 " + phone, "name", "王强", "roles", List.of("handler", "station_keeper")))
                .post("/api/t/" + A + "/members").then().statusCode(201).body("pending", equalTo(true));
        String person = "sf-wang-" + System.nanoTime();
        given().auth().oauth2(Tokens.withClaims(person, Map.of("phone_number", "+86" + phone, "phone_number_verified", true)))
                .get("/api/me").then().statusCode(200).body("memberships[0].roles", equalTo(List.of("handler", "station_keeper")));
        assertThat(roles(person)).containsExactly("handler,station_keeper active");
    }

    @Test
    void withoutADirectoryAUsernameCannotBeInvited() {
        admin().header("Accept-Language", "en").body(Map.of("username", "zhang", "name", "张三", "roles", List.of("handler")))
                .post("/api/t/" + A + "/members").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("e-mail or phone"));
    }

    @Test
    void rolesChangeAndTheRiderRoleStays() {
        String dispatcher = TestTenants.member(A, "dispatcher");
        long before = audited("member.roles");
        admin().body(Map.of("roles", List.of("handler", "dispatcher", "handler")))
                .put("/api/t/" + A + "/members/" + dispatcher + "/roles").then().statusCode(200)
                .body("roles", equalTo(List.of("dispatcher", "handler")));
        assertThat(roles(dispatcher)).containsExactly("dispatcher,handler active");
        assertThat(audited("member.roles")).isEqualTo(before + 1);
        // the same roles again change nothing and are not audited
        admin().body(Map.of("roles", List.of("dispatcher", "handler")))
                .put("/api/t/" + A + "/members/" + dispatcher + "/roles").then().statusCode(200);
        assertThat(audited("member.roles")).isEqualTo(before + 1);
        // a rider is no staff: nothing to change or remove here
        String rider = TestTenants.member(A, "rider");
        admin().body(Map.of("roles", List.of("handler"))).put("/api/t/" + A + "/members/" + rider + "/roles")
                .then().statusCode(404).contentType("application/problem+json");
        admin().delete("/api/t/" + A + "/members/" + rider).then().statusCode(404);
        assertThat(roles(rider)).containsExactly("rider active");
    }

    @Test
    void removingStaffRevokesTheirMembershipAndIsAudited() {
        String keeper = TestTenants.member(A, "station_keeper");
        long before = audited("member.remove");
        admin().delete("/api/t/" + A + "/members/" + keeper).then().statusCode(204);
        assertThat(roles(keeper)).containsExactly(" revoked");
        assertThat(audited("member.remove")).isEqualTo(before + 1);
        as(keeper).get("/api/t/" + A + "/grids").then().statusCode(403);
        admin().delete("/api/t/" + A + "/members/" + keeper).then().statusCode(404);
        // no longer staff: their roles cannot be changed, only given again by an invitation
        admin().body(Map.of("roles", List.of("station_keeper"))).put("/api/t/" + A + "/members/" + keeper + "/roles")
                .then().statusCode(404);
    }

    @Test
    void theLastAdminCannotBeRemovedOrDemoted() {
        String adminSubject = TestTenants.admin(A);
        admin().header("Accept-Language", "en").body(Map.of("roles", List.of("dispatcher")))
                .put("/api/t/" + A + "/members/" + adminSubject + "/roles").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("last administrator"));
        admin().delete("/api/t/" + A + "/members/" + adminSubject).then().statusCode(409);
        assertThat(roles(adminSubject)).containsExactly("tenant_admin active");
        // with a second admin, the first may step down
        String handler = TestTenants.member(A, "handler");
        admin().body(Map.of("roles", List.of("handler", "tenant_admin")))
                .put("/api/t/" + A + "/members/" + handler + "/roles").then().statusCode(200);
        admin().body(Map.of("roles", List.of("dispatcher"))).put("/api/t/" + A + "/members/" + adminSubject + "/roles")
                .then().statusCode(200);
        as(adminSubject).body(Map.of("roles", List.of("dispatcher")))
                .put("/api/t/" + A + "/members/" + handler + "/roles").then().statusCode(403);
        as(handler).delete("/api/t/" + A + "/members/" + handler).then().statusCode(409);
        // the manifest makes the first admin admin again
        TestTenants.onboard(A, 127.0, 34.0);
        assertThat(roles(adminSubject)).containsExactly("tenant_admin active");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String dispatcher = TestTenants.member(A, "dispatcher");
        long audits = Db.count("select count(*) from audit_log where tenant_code = '" + A + "'");
        long invitations = Db.count("select count(*) from member_invitation where tenant_code = '" + A + "'");
        List<Map<String, Object>> bodies = List.of(
                Map.of("email", "a@example.cn", "name", "甲", "roles", List.of("boss")),
                Map.of("email", "a@example.cn", "name", "甲", "roles", List.of("rider")),
                Map.of("email", "a@example.cn", "name", "甲", "roles", List.of("platform_operator")),
                Map.of("email", "a@example.cn", "name", "甲", "roles", List.of()),
                Map.of("email", "a@example.cn", "name", "  ", "roles", List.of("handler")),
                Map.of("email", "a@example.cn", "name", "甲\u0000乙", "roles", List.of("handler")),
                Map.of("email", "a\u0000@example.cn", "name", "甲", "roles", List.of("handler")),
                Map.of("email", "not-an-address", "name", "甲", "roles", List.of("handler")),
                Map.of("phone", "12345", "name", "甲", "roles", List.of("handler")),
                Map.of("email", "a@example.cn", "phone", "13900000000", "name", "甲", "roles", List.of("handler")),
                Map.of("name", "甲", "roles", List.of("handler")));
        for (Map<String, Object> body : bodies) {
            var answer = admin().body(body).post("/api/t/" + A + "/members");
            assertThat(answer.statusCode()).as("%s", body).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        admin().body(Map.of("roles", List.of("boss"))).put("/api/t/" + A + "/members/" + dispatcher + "/roles")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("boss"));
        admin().body(Map.of("roles", List.of("rider"))).put("/api/t/" + A + "/members/" + dispatcher + "/roles")
                .then().statusCode(400);
        admin().body(Map.of("roles", List.of())).put("/api/t/" + A + "/members/" + dispatcher + "/roles")
                .then().statusCode(400);
        admin().header("Accept-Language", "zh-CN").body(Map.of("roles", List.of("boss")))
                .put("/api/t/" + A + "/members/" + dispatcher + "/roles").then().statusCode(400)
                .body("detail", containsString("未知的角色"));
        assertThat(roles(dispatcher)).containsExactly("dispatcher active");
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + A + "'")).isEqualTo(audits);
        assertThat(Db.count("select count(*) from member_invitation where tenant_code = '" + A + "'")).isEqualTo(invitations);
    }

    @Test
    void onlyTheTownshipsOwnAdminManagesItsStaff() {
        String dispatcher = TestTenants.member(A, "dispatcher");
        Map<String, Object> invite = Map.of("email", "x@example.cn", "name", "某人", "roles", List.of("handler"));
        Map<String, Object> change = Map.of("roles", List.of("handler"));
        for (String who : List.of(TestTenants.admin(B), TestTenants.member(A, "rider"), dispatcher,
                TestTenants.member(A, "handler"), TestTenants.member(A, "station_keeper"), "sf-stranger")) {
            as(who).body(invite).post("/api/t/" + A + "/members").then().statusCode(403)
                    .contentType("application/problem+json");
            as(who).body(change).put("/api/t/" + A + "/members/" + dispatcher + "/roles").then().statusCode(403);
            as(who).delete("/api/t/" + A + "/members/" + dispatcher).then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(invite).post("/api/t/" + A + "/members").then().statusCode(401);
        given().delete("/api/t/" + A + "/members/" + dispatcher).then().statusCode(401);
        // B's admin through B's path cannot reach A's member
        as(TestTenants.admin(B)).delete("/api/t/" + B + "/members/" + dispatcher).then().statusCode(404);
        assertThat(roles(dispatcher)).containsExactly("dispatcher active");
    }
}
