package cn.fengxing.identity;

import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** A township's admin and dispatcher list its members, to pick keepers, grid workers and handlers. */
@QuarkusTest
class MembersApiTest {

    static final String A = "mb-a";
    static final String B = "mb-b";
    /** A member of A with two roles, besides the one member per role every test township has. */
    static final String WU = "mb-a-wu";

    @BeforeEach
    void townships() {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(A, 126.0, 33.0));
        @SuppressWarnings("unchecked")
        List<Object> members = new ArrayList<>((List<Object>) manifest.get("members"));
        members.add(Map.of("subject", WU, "name", "吴芳", "roles", List.of("station_keeper", "handler")));
        manifest.put("members", members);
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + A).then().statusCode(200);
        TestTenants.onboard(B, 126.5, 33.0);
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject));
    }

    static JsonPath members(String subject, Map<String, ?> query) {
        return as(subject).queryParams(query).get("/api/t/" + A + "/members").then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath members(Map<String, ?> query) {
        return members(TestTenants.admin(A), query);
    }

    @Test
    void listsTheTownshipsMembersByNameWithTheirRolesHere() {
        JsonPath page = members(Map.of());
        assertThat(page.getInt("total")).isEqualTo(6);
        assertThat(page.getList("items.subject", String.class)).containsExactly(
                "mb-a-dispatcher", "mb-a-handler", "mb-a-rider", "mb-a-station_keeper", "mb-a-admin", WU);
        assertThat(page.getString("items.find { it.subject == 'mb-a-wu' }.name")).isEqualTo("吴芳");
        assertThat(page.getList("items.find { it.subject == 'mb-a-wu' }.roles", String.class))
                .containsExactlyInAnyOrder("handler", "station_keeper");
        assertThat(page.getList("items.find { it.subject == 'mb-a-admin' }.roles", String.class))
                .containsExactly("tenant_admin");
        // nobody of township B
        assertThat(page.getList("items.subject", String.class)).noneMatch(s -> s.startsWith(B));
        // the dispatcher may list them too
        assertThat(members("mb-a-dispatcher", Map.of()).getInt("total")).isEqualTo(6);
    }

    @Test
    void filtersByRoleAndByPartOfNameOrSubject() {
        assertThat(members(Map.of("role", "station_keeper")).getList("items.subject", String.class))
                .containsExactly("mb-a-station_keeper", WU);
        assertThat(members(Map.of("role", "handler")).getList("items.subject", String.class))
                .containsExactly("mb-a-handler", WU);
        assertThat(members(Map.of("role", "tenant_admin")).getList("items.subject", String.class))
                .containsExactly("mb-a-admin");
        // a fragment of the name, any case
        assertThat(members(Map.of("q", "芳")).getList("items.subject", String.class)).containsExactly(WU);
        assertThat(members(Map.of("q", " KEEPER ")).getList("items.subject", String.class))
                .containsExactly("mb-a-station_keeper");
        // a fragment of the subject only ("mb-a tenant_admin" is the name, "mb-a-admin" the subject)
        assertThat(members(Map.of("q", "a-admin")).getList("items.subject", String.class)).containsExactly("mb-a-admin");
        // both filters; LIKE wildcards are plain characters
        assertThat(members(Map.of("role", "station_keeper", "q", "wu")).getList("items.subject", String.class))
                .containsExactly(WU);
        assertThat(members(Map.of("role", "rider", "q", "wu")).getInt("total")).isZero();
        assertThat(members(Map.of("q", "%")).getInt("total")).isZero();
        assertThat(members(Map.of("q", "_")).getList("items.subject", String.class)).containsExactly(
                "mb-a-station_keeper", "mb-a-admin");
        assertThat(members(Map.of("q", "")).getInt("total")).isEqualTo(6);
    }

    @Test
    void pagesUpTo200() {
        JsonPath first = members(Map.of("size", 4));
        assertThat(first.getList("items")).hasSize(4);
        assertThat(first.getInt("total")).isEqualTo(6);
        JsonPath second = members(Map.of("size", 4, "page", 1));
        assertThat(second.getList("items.subject", String.class)).containsExactly("mb-a-admin", WU);
        assertThat(second.getInt("page")).isEqualTo(1);
        assertThat(members(Map.of("size", 200)).getList("items")).hasSize(6);
        as(TestTenants.admin(A)).queryParam("size", 201).get("/api/t/" + A + "/members").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("200"));
        as(TestTenants.admin(A)).queryParam("page", -1).get("/api/t/" + A + "/members").then().statusCode(400);
    }

    @Test
    void aSuspendedRiderIsNoLongerAMember() {
        String admin = TestTenants.admin(A);
        long rider = as(admin).queryParam("q", A).get("/api/t/" + A + "/riders").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        as(admin).post("/api/t/" + A + "/riders/" + rider + "/suspend").then().statusCode(200);
        assertThat(members(Map.of("role", "rider")).getInt("total")).isZero();
        assertThat(members(Map.of()).getList("items.subject", String.class)).doesNotContain("mb-a-rider");
        as(admin).post("/api/t/" + A + "/riders/" + rider + "/resume").then().statusCode(200);
        assertThat(members(Map.of("role", "rider")).getList("items.subject", String.class))
                .containsExactly("mb-a-rider");
    }

    @Test
    void onlyTheTownshipsAdminAndDispatcherMayList() {
        for (String role : List.of("rider", "handler", "station_keeper")) {
            as(TestTenants.member(A, role)).get("/api/t/" + A + "/members").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        // another township's admin and dispatcher
        as(TestTenants.admin(B)).get("/api/t/" + A + "/members").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTenants.member(B, "dispatcher")).get("/api/t/" + A + "/members").then().statusCode(403);
        given().get("/api/t/" + A + "/members").then().statusCode(401);
    }

    @Test
    void aRoleThatIsNotATownshipRoleIsRefused() {
        as(TestTenants.admin(A)).queryParam("role", "boss").get("/api/t/" + A + "/members").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("boss"));
        as(TestTenants.admin(A)).queryParam("role", "platform_operator").get("/api/t/" + A + "/members").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("platform_operator"));
        as(TestTenants.admin(A)).header("Accept-Language", "zh-CN").queryParam("role", "boss")
                .get("/api/t/" + A + "/members").then().statusCode(400).body("detail", containsString("未知的角色"));
        as(TestTenants.admin(A)).queryParam("q", "x".repeat(101)).get("/api/t/" + A + "/members").then()
                .statusCode(400);
    }
}
