package cn.fengxing.report;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ReportCategoryTest {

    static final String T = "rc-t";
    static final String OTHER = "rc-o";
    static final String PATH = "/api/t/" + T + "/report-settings/categories";
    static final int DEFAULTS = 22;

    @BeforeEach
    void township() {
        TestTenants.onboard(T, 124.0, 28.0);
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(TestTenants.admin(T));
    }

    static long count(String tenant) {
        return Db.count("select count(*) from report_category where tenant_id = '" + tenant + "'");
    }

    static Map<String, Object> category(String code, String parent) {
        Map<String, Object> c = new HashMap<>(Map.of("code", code, "nameZh", "类别" + code, "nameEn", "Category " + code,
                "sortOrder", 500));
        if (parent != null) {
            c.put("parent", parent);
        }
        return c;
    }

    @Test
    void aNewTownshipGetsTheDefaultCategoriesExactlyOnce() {
        String code = "rc-new";
        Map<String, Object> manifest = TestTenants.manifest(code, 124.5, 28.0);
        String operator = Tokens.of(Tokens.OPERATOR);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(200)
                .body("changes", hasItems("+ report category public-safety", "+ report category gas-leak"));
        assertThat(count(code)).isEqualTo(DEFAULTS);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(200)
                .body("outcome", equalTo("unchanged")).body("changes", org.hamcrest.Matchers.empty());
        assertThat(count(code)).isEqualTo(DEFAULTS);

        for (int read = 0; read < 2; read++) {
            as(TestTenants.member(code, "rider")).get("/api/t/" + code + "/report-settings/categories").then()
                    .statusCode(200).body("total", equalTo(DEFAULTS))
                    .body("items[0].code", equalTo("public-safety"))
                    .body("items.find { it.code == 'gas-leak' }.parent", equalTo("fire-hazard"))
                    .body("items.find { it.code == 'gas-leak' }.urgent", equalTo(true))
                    .body("items.find { it.code == 'fire' }.emergencyStop", equalTo(true))
                    .body("items.find { it.code == 'fire' }.hotlineText", equalTo("请立即拨打 119"))
                    .body("items.find { it.code == 'lone-elder-no-answer' }.nameZh", equalTo("独居老人无应答"));
        }
    }

    @Test
    void aDeactivatedDefaultStaysDeactivatedWhenTheManifestIsAppliedAgain() {
        long flyposting = id(T, "flyposting");
        admin().delete(PATH + "/" + flyposting).then().statusCode(204);
        TestTenants.onboard(T, 124.0, 28.0);
        admin().get(PATH + "/" + flyposting).then().statusCode(200).body("active", equalTo(false));
        admin().queryParam("active", false).get(PATH).then().statusCode(200).body("items.code", hasItems("flyposting"));
        admin().queryParam("active", true).queryParam("size", 200).get(PATH).then().statusCode(200)
                .body("items.code", not(hasItems("flyposting")));
        assertThat(Db.count("select count(*) from report_category where tenant_id = '" + T + "' and code = 'flyposting'"))
                .isEqualTo(1);
    }

    @Test
    void aManifestWithItsOwnCategoriesGetsNoDefaults() {
        String code = "rc-own";
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(code, 124.8, 28.0));
        manifest.put("reportCategories", List.of(category("roads", null), category("potholes", "roads")));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(200);
        assertThat(Db.strings("select code from report_category where tenant_id = '" + code + "' order by code"))
                .containsExactly("potholes", "roads");
        // a bad entry names its field and writes nothing
        manifest.put("reportCategories", List.of(category("roads", null), category("cracks", "nowhere")));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(400)
                .body("errors.field", hasItems("reportCategories[1].parent"));
        assertThat(count(code)).isEqualTo(2);
    }

    @Test
    void createReadUpdateAndDeactivate() {
        long id = admin().body(category("crud-group", null)).post(PATH).then().statusCode(201)
                .body("parent", equalTo(null)).extract().jsonPath().getLong("id");
        Map<String, Object> child = category("crud-child", "crud-group");
        child.put("emergencyStop", true);
        child.put("hotlineText", "请立即拨打 110");
        long childId = admin().body(child).post(PATH).then().statusCode(201)
                .body("parent", equalTo("crud-group")).body("parentId", equalTo((int) id))
                .body("urgent", equalTo(true)).extract().jsonPath().getLong("id");

        child.put("nameZh", "改名");
        child.put("emergencyStop", false);
        child.remove("hotlineText");
        admin().body(child).put(PATH + "/" + childId).then().statusCode(200).body("nameZh", equalTo("改名"))
                .body("urgent", equalTo(false)).body("hotlineText", equalTo(null));

        admin().delete(PATH + "/" + childId).then().statusCode(204);
        as(TestTenants.member(T, "dispatcher")).get(PATH + "/" + childId).then().statusCode(200)
                .body("active", equalTo(false));
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + T
                + "' and action like 'report.category.%' and target = 'crud-child'")).isEqualTo(3);
    }

    @Test
    void badCategoriesAreRefusedAndChangeNothing() {
        long before = count(T);
        admin().body(category("public-safety", null)).post(PATH).then().statusCode(409);
        Map<String, Object> stop = category("stop", null);
        stop.put("emergencyStop", true);
        admin().body(stop).post(PATH).then().statusCode(400).body("errors[0].field", equalTo("hotlineText"));
        admin().body(category("deep", "gas-leak")).post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("parent"));
        admin().body(category("orphan", "no-such-group")).post(PATH).then().statusCode(400);
        admin().body(category("bad code!", null)).post(PATH).then().statusCode(400);
        admin().body(Map.of("code", "x")).post(PATH).then().statusCode(400);
        // a group with sub-categories cannot move under another group
        Map<String, Object> move = category("fire-hazard", "municipal");
        admin().body(move).put(PATH + "/" + id(T, "fire-hazard")).then().statusCode(400);
        // renaming onto a taken code
        admin().body(category("garbage", "environment")).put(PATH + "/" + id(T, "flyposting")).then().statusCode(409);
        assertThat(count(T)).isEqualTo(before);
        admin().get(PATH + "/" + id(T, "flyposting")).then().body("code", equalTo("flyposting"));
    }

    @Test
    void anotherTownshipsCategoriesAreNotFoundHere() {
        TestTenants.onboard(OTHER, 124.3, 28.0);
        long theirs = id(OTHER, "garbage");
        admin().get(PATH + "/" + theirs).then().statusCode(404);
        admin().body(category("stolen", null)).put(PATH + "/" + theirs).then().statusCode(404);
        admin().delete(PATH + "/" + theirs).then().statusCode(404);
        as(TestTenants.admin(OTHER)).get("/api/t/" + OTHER + "/report-settings/categories/" + theirs).then()
                .statusCode(200).body("active", equalTo(true)).body("code", equalTo("garbage"));
        as(TestTenants.member(T, "handler")).body(category("nope", null)).post(PATH).then().statusCode(403);
    }

    static long id(String tenant, String code) {
        return Long.parseLong(Db.strings("select id from report_category where tenant_id = '" + tenant
                + "' and code = '" + code + "'").get(0));
    }
}
