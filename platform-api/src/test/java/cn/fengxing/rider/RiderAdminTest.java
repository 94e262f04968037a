package cn.fengxing.rider;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The tenant admin's roster: list and filters, status changes with the rider role, squads, grids, personal data. */
@QuarkusTest
class RiderAdminTest {

    static final String T = "radm";
    static final String ON = "radm-on";

    @BeforeEach
    void townships() {
        TestTenants.onboard(T, 132.0, 32.0);
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(ON, 133.0, 32.0));
        manifest.put("settings", Map.of("riders", Map.of("partyMemberField", true, "volunteerField", true)));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + ON).then().statusCode(200);
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin(String tenant) {
        return as(TestTenants.admin(tenant));
    }

    /** A pending rider registered by the given person; returns the rider id. */
    static long register(String tenant, String subject, String name, String phone, String platform) {
        return as(subject).body(Map.of("name", name, "phone", phone, "platform", platform, "depot", "站点一"))
                .post("/api/t/" + tenant + "/riders/registration").then().statusCode(anyOf(equalTo(200), equalTo(201)))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void approveSuspendResumeLeaveKeepTheRiderRoleInStepAndAreAudited() {
        String subject = "radm-life";
        long id = register(T, subject, "周生命", "13700000011", "meituan");
        String base = "/api/t/" + T + "/riders/" + id;
        admin(T).post(base + "/resume").then().statusCode(409).contentType("application/problem+json");
        admin(T).post(base + "/suspend").then().statusCode(409);
        admin(T).post(base + "/approve").then().statusCode(200).body("status", equalTo("active"));
        as(subject).get("/api/t/" + T + "/rider/code").then().statusCode(200);
        admin(T).post(base + "/approve").then().statusCode(409);
        admin(T).post(base + "/suspend").then().statusCode(200).body("status", equalTo("suspended"));
        as(subject).get("/api/t/" + T + "/rider/code").then().statusCode(403);
        admin(T).post(base + "/resume").then().statusCode(200).body("status", equalTo("active"));
        as(subject).get("/api/t/" + T + "/rider/code").then().statusCode(200);
        admin(T).post(base + "/leave").then().statusCode(200).body("status", equalTo("left"));
        admin(T).post(base + "/leave").then().statusCode(409);
        as(subject).get("/api/t/" + T + "/rider/code").then().statusCode(403);
        assertThat(Db.strings("select action from audit_log where tenant_code = '" + T + "' and target = '" + id
                + "' order by id")).contains("rider.approve", "rider.suspend", "rider.resume", "rider.leave");
        // the dispatcher sees the roster but changes nothing
        as(TestTenants.member(T, "dispatcher")).get(base).then().statusCode(200);
        as(TestTenants.member(T, "dispatcher")).post(base + "/resume").then().statusCode(403);
    }

    @Test
    void theListFiltersAndMasksPersonalData() {
        register(T, "radm-f1", "陈甲", "13700000021", "sf");
        register(T, "radm-f2", "陈乙", "13700000022", "jd");
        String list = "/api/t/" + T + "/riders";
        admin(T).queryParam("q", "陈").get(list).then().statusCode(200).body("total", equalTo(2))
                .body("items.phone", containsInAnyOrder("137****0021", "137****0022"));
        admin(T).queryParam("platform", "jd").get(list).then().statusCode(200).body("items.name", equalTo(List.of("陈乙")));
        admin(T).queryParam("status", "active").get(list).then().statusCode(200)
                .body("items.name", equalTo(List.of(T + " 骑手")));
        admin(T).queryParam("status", "nonsense").get(list).then().statusCode(400);
        admin(T).queryParam("size", 500).get(list).then().statusCode(400);
        // switched off: the optional fields are neither shown nor accepted
        admin(T).get(list).then().body("items[0]", not(hasKey("partyMember"))).body("items[0]", not(hasKey("volunteer")));
    }

    @Test
    void partyMemberAndVolunteerFlagsOnlyWhereSwitchedOn() {
        long off = register(T, "radm-flag", "吴标志", "13700000031", "uu");
        admin(T).body(Map.of("name", "吴标志", "platform", "uu", "partyMember", true))
                .put("/api/t/" + T + "/riders/" + off).then().statusCode(400);
        long on = register(ON, "radm-flag", "吴标志", "13700000031", "uu");
        admin(ON).body(Map.of("name", "吴标志", "platform", "other", "depot", "新站", "partyMember", true, "volunteer", false))
                .put("/api/t/" + ON + "/riders/" + on).then().statusCode(200)
                .body("partyMember", equalTo(true)).body("volunteer", equalTo(false)).body("platform", equalTo("other"));
        as("radm-flag").get("/api/t/" + ON + "/riders/options").then().body("fields.partyMember", equalTo(true));
    }

    @Test
    void gridsAndSquads() {
        long rider = register(T, "radm-sq", "郑队长", "13700000041", "meituan");
        admin(T).post("/api/t/" + T + "/riders/" + rider + "/approve").then().statusCode(200);
        long grid = admin(T).get("/api/t/" + T + "/grids").then().extract().jsonPath().getLong("items.find { it.code == 'g1' }.id");
        long community = admin(T).get("/api/t/" + T + "/communities").then().extract().jsonPath()
                .getLong("items.find { it.code == 'c1' }.id");

        admin(T).body(Map.of("gridIds", List.of(grid, 999999999L))).put("/api/t/" + T + "/riders/" + rider + "/grids")
                .then().statusCode(400);
        admin(T).body(Map.of("gridIds", List.of(grid))).put("/api/t/" + T + "/riders/" + rider + "/grids")
                .then().statusCode(200).body("gridIds", equalTo(List.of((int) grid)));
        as(TestTenants.member(T, "handler")).get("/api/t/" + T + "/grids/" + grid + "/riders").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].phone", equalTo("137****0041"));
        admin(T).get("/api/t/" + T + "/riders/grid-counts").then().statusCode(200)
                .body("find { it.gridId == " + grid + " }.riders", equalTo(1));
        admin(T).queryParam("grid", grid).get("/api/t/" + T + "/riders").then().body("items.name", equalTo(List.of("郑队长")));

        long squad = admin(T).body(Map.of("name", "一分队", "communityId", community)).post("/api/t/" + T + "/squads")
                .then().statusCode(201).body("members", equalTo(0)).extract().jsonPath().getLong("id");
        admin(T).body(Map.of("name", "一分队")).post("/api/t/" + T + "/squads").then().statusCode(409);
        // not yet a member: cannot lead
        admin(T).body(Map.of("name", "一分队", "leaderId", rider)).put("/api/t/" + T + "/squads/" + squad).then().statusCode(400);
        admin(T).body(Map.of("name", "郑队长", "platform", "meituan", "squadId", squad))
                .put("/api/t/" + T + "/riders/" + rider).then().statusCode(200).body("squadId", equalTo((int) squad));
        admin(T).body(Map.of("name", "一分队", "communityId", community, "leaderId", rider))
                .put("/api/t/" + T + "/squads/" + squad).then().statusCode(200)
                .body("leaderName", equalTo("郑队长")).body("members", equalTo(1));
        admin(T).queryParam("squad", squad).get("/api/t/" + T + "/riders").then().body("total", equalTo(1));
        admin(T).delete("/api/t/" + T + "/squads/" + squad).then().statusCode(409);
        // a suspended rider leads no squad
        admin(T).post("/api/t/" + T + "/riders/" + rider + "/suspend").then().statusCode(200);
        admin(T).get("/api/t/" + T + "/squads/" + squad).then().statusCode(200).body("leaderId", nullValue());
        admin(T).body(Map.of("name", "郑队长", "platform", "meituan")).put("/api/t/" + T + "/riders/" + rider).then().statusCode(200);
        admin(T).delete("/api/t/" + T + "/squads/" + squad).then().statusCode(204);
    }

    @Test
    void onlyTheTenantAdminRevealsAndEveryRevealIsAudited() {
        long id = admin(T).queryParam("status", "active").get("/api/t/" + T + "/riders").then().extract().jsonPath()
                .getLong("items[0].id");
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.execute("update rider set id_number = '110105199003071239' where id = " + id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        admin(T).get("/api/t/" + T + "/riders/" + id).then().statusCode(200)
                .body("phone", equalTo("138****0001")).body("idNumber", equalTo("110105********1239"));
        as(TestTenants.member(T, "dispatcher")).post("/api/t/" + T + "/riders/" + id + "/reveal").then().statusCode(403);
        long before = Db.count("select count(*) from audit_log where action = 'rider.reveal' and target = '" + id + "'");
        admin(T).post("/api/t/" + T + "/riders/" + id + "/reveal").then().statusCode(200)
                .body("phone", equalTo("13800000001")).body("idNumber", equalTo("110105199003071239"));
        assertThat(Db.strings("select actor || ' ' || (details->'fields')::text from audit_log where action = 'rider.reveal' "
                + "and tenant_code = '" + T + "' and target = '" + id + "' order by id desc limit 1"))
                .containsExactly(TestTenants.admin(T) + " [\"phone\", \"idNumber\"]");
        assertThat(Db.count("select count(*) from audit_log where action = 'rider.reveal' and target = '" + id + "'"))
                .isEqualTo(before + 1);
        // nowhere else is the number shown in full
        admin(T).get("/api/t/" + T + "/riders").then().body("items.idNumber", hasItem("110105********1239"))
                .body(not(org.hamcrest.Matchers.containsString("13800000001")));
    }
}
