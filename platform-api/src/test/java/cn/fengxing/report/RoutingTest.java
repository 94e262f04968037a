package cn.fengxing.report;

import cn.fengxing.support.Db;
import cn.fengxing.support.Reports;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** Departments 部门, routing rules 派单规则 and the proposal they make. */
@QuarkusTest
class RoutingTest {

    static final String T = "rt-t";
    static final String BASE = "/api/t/" + T + "/report-settings";

    @BeforeEach
    void township() {
        TestTenants.onboard(T, 125.0, 29.0);
        Db.strings("delete from routing_rule where tenant_id = '" + T + "' returning id");
        Db.strings("delete from department where tenant_id = '" + T + "' returning id");
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(T))).contentType(ContentType.JSON);
    }

    static RequestSpecification dispatcher() {
        return given().auth().oauth2(Tokens.of(TestTenants.member(T, "dispatcher")));
    }

    static Map<String, Object> department(String code, String name) {
        return Map.of("code", code, "name", name, "contacts",
                List.of(Map.of("name", "值班室", "phone", "0358-1234567", "duty", "24h"), Map.of("name", "王科长", "phone", "13900000002")));
    }

    static long createDepartment(String code, String name) {
        return admin().body(department(code, name)).post(BASE + "/departments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static Map<String, Object> rule(String category, String community, String level, String target, String handler,
                                    String department) {
        Map<String, Object> r = new HashMap<>(Map.of("category", category, "level", level, "target", target));
        if (community != null) {
            r.put("community", community);
        }
        if (handler != null) {
            r.put("handler", handler);
        }
        if (department != null) {
            r.put("department", department);
        }
        return r;
    }

    static long createRule(Map<String, Object> rule) {
        return admin().body(rule).post(BASE + "/routing-rules").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void departmentsWithContacts() {
        long id = createDepartment("gas", "燃气");
        admin().get(BASE + "/departments/" + id).then().statusCode(200).body("name", equalTo("燃气"))
                .body("contacts[0].duty", equalTo("24h")).body("contacts[1].duty", nullValue()).body("active", equalTo(true));
        admin().body(Map.of("code", "gas", "name", "燃气公司", "active", false)).put(BASE + "/departments/" + id).then()
                .statusCode(200).body("contacts.size()", equalTo(0)).body("active", equalTo(false));
        admin().queryParam("active", false).get(BASE + "/departments").then().statusCode(200)
                .body("items.code", hasItems("gas"));
        admin().body(department("gas", "重复")).post(BASE + "/departments").then().statusCode(409);
        admin().body(Map.of("code", "bad", "name", "坏电话", "contacts", List.of(Map.of("name", "x", "phone", "call me"))))
                .post(BASE + "/departments").then().statusCode(400).body("errors[0].field", equalTo("contacts[0].phone"));
        admin().delete(BASE + "/departments/" + id).then().statusCode(204);
        assertThat(Db.count("select count(*) from department where tenant_id = '" + T + "'")).isZero();
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + T
                + "' and action like 'report.department.%' and target = 'gas'")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theMostSpecificRuleWins() {
        createDepartment("fire", "消防");
        createDepartment("city", "城管");
        String handler = TestTenants.member(T, "handler");
        long anywhere = createRule(rule("street-light", null, "community", "grid_worker_of_grid", null, null));
        long inC1 = createRule(rule("street-light", "c1", "community", "handler", handler, null));
        long group = createRule(rule("fire-hazard", null, "department", "department", null, "fire"));
        long groupInC2 = createRule(rule("fire-hazard", "c2", "urgent", "department", null, "city"));

        resolve("street-light", "c1").body("matched", equalTo(true)).body("rule.id", equalTo((int) inC1))
                .body("matchedBy", equalTo("category+community")).body("rule.handler", equalTo(handler))
                .body("rule.handlerName", equalTo(T + " handler")).body("department", nullValue())
                .body("assignee.kind", equalTo("handler")).body("assignee.subject", equalTo(handler))
                .body("assignee.name", equalTo(T + " handler"));
        resolve("street-light", "c2").body("rule.id", equalTo((int) anywhere)).body("matchedBy", equalTo("category"))
                .body("rule.target", equalTo("grid_worker_of_grid"));
        resolve("street-light", null).body("rule.id", equalTo((int) anywhere));
        resolve("gas-leak", "c1").body("rule.id", equalTo((int) group)).body("matchedBy", equalTo("group"))
                .body("department.code", equalTo("fire")).body("department.contacts[0].phone", equalTo("0358-1234567"))
                .body("urgent", equalTo(true)).body("rule.level", equalTo("department"))
                .body("assignee.kind", equalTo("department")).body("assignee.department", equalTo("fire"))
                .body("assignee.name", equalTo("消防"));
        resolve("gas-leak", "c2").body("rule.id", equalTo((int) groupInC2)).body("matchedBy", equalTo("group+community"));
        // a rule for the sub-category itself beats its group's
        long gasLeak = createRule(rule("gas-leak", null, "urgent", "department", null, "fire"));
        resolve("gas-leak", "c2").body("rule.id", equalTo((int) gasLeak)).body("matchedBy", equalTo("category"));
        resolve("fire", null).body("matched", equalTo(false)).body("rule", nullValue())
                .body("emergencyStop", equalTo(true)).body("hotlineText", equalTo("请立即拨打 119"));

        dispatcher().queryParam("category", "no-such").get(BASE + "/routing-rules/resolve").then().statusCode(404);
        dispatcher().queryParam("category", "garbage").queryParam("community", "c9").get(BASE + "/routing-rules/resolve")
                .then().statusCode(404);
        dispatcher().get(BASE + "/routing-rules/resolve").then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse resolve(String category, String community) {
        RequestSpecification r = dispatcher().queryParam("category", category);
        if (community != null) {
            r = r.queryParam("community", community);
        }
        return r.get(BASE + "/routing-rules/resolve").then().statusCode(200);
    }

    @Test
    void badRulesAreRefusedAndChangeNothing() {
        createDepartment("police", "公安");
        long id = createRule(rule("social-order", null, "department", "department", null, "police"));
        admin().body(rule("social-order", null, "community", "grid_worker_of_grid", null, null))
                .post(BASE + "/routing-rules").then().statusCode(409);
        admin().body(rule("garbage", null, "department", "department", null, "no-such-dept"))
                .post(BASE + "/routing-rules").then().statusCode(400).body("errors[0].field", equalTo("department"));
        admin().body(rule("garbage", null, "community", "handler", TestTenants.member(T, "rider"), null))
                .post(BASE + "/routing-rules").then().statusCode(400).body("errors[0].field", equalTo("handler"));
        admin().body(rule("garbage", null, "community", "handler", null, null))
                .post(BASE + "/routing-rules").then().statusCode(400);
        admin().body(rule("garbage", null, "community", "grid_worker_of_grid", null, "police"))
                .post(BASE + "/routing-rules").then().statusCode(400);
        admin().body(rule("no-such-category", "c7", "community", "grid_worker_of_grid", null, null))
                .post(BASE + "/routing-rules").then().statusCode(400)
                .body("errors.field", hasItems("category", "community"));
        admin().body(rule("garbage", null, "sometimes", "grid_worker_of_grid", null, null))
                .post(BASE + "/routing-rules").then().statusCode(400);
        admin().delete(BASE + "/departments/" + Long.parseLong(Db.strings("select id from department where tenant_id = '"
                + T + "' and code = 'police'").get(0))).then().statusCode(409);
        assertThat(Db.count("select count(*) from routing_rule where tenant_id = '" + T + "'")).isEqualTo(1);

        admin().body(rule("social-order", "c2", "urgent", "department", null, "police")).put(BASE + "/routing-rules/" + id)
                .then().statusCode(200).body("community", equalTo("c2")).body("level", equalTo("urgent"));
        dispatcher().queryParam("category", "social-order").get(BASE + "/routing-rules").then().statusCode(200)
                .body("total", equalTo(1));
        admin().delete(BASE + "/routing-rules/" + id).then().statusCode(204);
        admin().get(BASE + "/routing-rules/" + id).then().statusCode(404);
    }

    @Test
    void departmentsAndRulesFromTheManifestAreIdempotent() {
        String code = "rt-m";
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(code, 125.5, 29.0));
        manifest.put("departments", List.of(department("fire", "消防"), department("power", "供电")));
        manifest.put("routingRules", List.of(
                rule("fire-hazard", null, "department", "department", null, "fire"),
                rule("street-light", "c1", "community", "handler", TestTenants.member(code, "handler"), null)));
        manifest.put("sla", Map.of("dispatchMinutes", 15, "resolveHours", 48, "autoCloseDays", 5,
                "overrides", List.of(Map.of("category", "gas-leak", "dispatchMinutes", 5))));
        String operator = Tokens.of(Tokens.OPERATOR);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest).put("/api/platform/tenants/" + code)
                .then().statusCode(200).body("changes", hasItems("+ department fire", "+ routing rule fire-hazard@*",
                        "+ routing rule street-light@c1", "+ sla override gas-leak"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest).put("/api/platform/tenants/" + code)
                .then().statusCode(200).body("outcome", equalTo("unchanged"));
        given().auth().oauth2(Tokens.of(TestTenants.member(code, "dispatcher"))).queryParam("category", "gas-leak")
                .get("/api/t/" + code + "/report-settings/routing-rules/resolve").then().statusCode(200)
                .body("department.code", equalTo("fire"));
        given().auth().oauth2(Tokens.of(TestTenants.member(code, "handler"))).get("/api/t/" + code + "/report-settings/sla")
                .then().statusCode(200).body("dispatchMinutes", equalTo(15))
                .body("overrides[0].category", equalTo("gas-leak")).body("overrides[0].resolveHours", nullValue());

        manifest.put("routingRules", List.of(rule("garbage", null, "department", "department", null, "nobody")));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest).put("/api/platform/tenants/" + code)
                .then().statusCode(400).body("errors[0].field", equalTo("routingRules[0].department"));
        assertThat(Db.count("select count(*) from routing_rule where tenant_id = '" + code + "'")).isEqualTo(2);
    }

    @Test
    void theDispatchProposalNamesTheGridWorkerWithTheFewestOpenReports() {
        String jia = T + "-jia-" + System.nanoTime();
        String yi = T + "-yi-" + System.nanoTime();
        Db.strings("insert into membership (tenant_code, subject, name, roles) values ('" + T + "', '" + jia
                + "', '甲网格', '{handler}'), ('" + T + "', '" + yi + "', '乙网格', '{handler}') returning id");
        long g1 = Db.count("select id from grid where tenant_id = '" + T + "' and code = 'g1'");
        admin().body(Map.of("subjects", List.of(yi, jia))).put("/api/t/" + T + "/grids/" + g1 + "/workers").then()
                .statusCode(200);
        createRule(rule("manhole-cover", null, "community", "grid_worker_of_grid", null, null));
        String dispatch = "/api/t/" + T + "/dispatch/reports/";

        // nobody has open reports yet: by name, 甲 (jiǎ) before 乙 (yǐ), although 乙 is listed first
        long first = Reports.file(T, "manhole-cover", 125.0, 29.0);
        dispatcher().get(dispatch + first + "/proposal").then().statusCode(200)
                .body("gridWorkers.subject", hasItems(jia, yi))
                .body("routing.assignee.kind", equalTo("handler"))
                .body("routing.assignee.subject", equalTo(jia))
                .body("routing.assignee.name", equalTo("甲网格"));
        dispatcher().contentType(ContentType.JSON).body(Map.of("kind", "handler", "subject", jia))
                .post(dispatch + first + "/dispatch").then().statusCode(200);

        // 甲 now has an open report, so the next one goes to 乙
        long second = Reports.file(T, "manhole-cover", 125.0, 29.0);
        dispatcher().get(dispatch + second + "/proposal").then().statusCode(200)
                .body("routing.assignee.subject", equalTo(yi)).body("routing.assignee.name", equalTo("乙网格"));

        // the rules' preview has no report and so no grid: it names nobody for such a rule
        dispatcher().queryParam("category", "manhole-cover").get(BASE + "/routing-rules/resolve").then().statusCode(200)
                .body("matched", equalTo(true)).body("assignee", nullValue());
    }
}
