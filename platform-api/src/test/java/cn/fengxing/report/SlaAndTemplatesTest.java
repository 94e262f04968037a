package cn.fengxing.report;

import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.api.SlaSettings;
import cn.fengxing.report.service.ReportSlas;
import cn.fengxing.report.service.ResponseTemplates;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import cn.fengxing.tenancy.service.TenantWork;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SlaAndTemplatesTest {

    static final String T = "st-t";
    static final String BASE = "/api/t/" + T + "/report-settings";

    @Inject
    ResponseTemplates templates;

    @Inject
    ReportSlas slas;

    @Inject
    TenantWork work;

    @BeforeEach
    void township() {
        TestTenants.onboard(T, 126.0, 30.0);
        Db.strings("delete from report_sla where tenant_id = '" + T + "' returning id");
        Db.strings("delete from response_template where tenant_id = '" + T + "' returning id");
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(T))).contentType(ContentType.JSON);
    }

    @Test
    void slaDefaultsOverridesAndLimits() {
        admin().get(BASE + "/sla").then().statusCode(200).body("dispatchMinutes", equalTo(10))
                .body("resolveHours", equalTo(72)).body("autoCloseDays", equalTo(7)).body("overrides.size()", equalTo(0));

        admin().body(Map.of("dispatchMinutes", 20, "resolveHours", 48, "autoCloseDays", 3,
                        "overrides", List.of(Map.of("category", "fire", "dispatchMinutes", 2, "resolveHours", 4))))
                .put(BASE + "/sla").then().statusCode(200).body("dispatchMinutes", equalTo(20))
                .body("overrides[0].category", equalTo("fire")).body("overrides[0].autoCloseDays", nullValue());
        long fire = ReportCategoryTest.id(T, "fire");
        long garbage = ReportCategoryTest.id(T, "garbage");
        assertThat(work.inTenant(T, () -> slas.forCategory(fire))).isEqualTo(new SlaSettings.Effective(2, 4, 3));
        assertThat(work.inTenant(T, () -> slas.forCategory(garbage))).isEqualTo(new SlaSettings.Effective(20, 48, 3));

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("dispatchMinutes", 0, "resolveHours", 48, "autoCloseDays", 3),
                Map.of("dispatchMinutes", 10, "resolveHours", -1, "autoCloseDays", 3),
                Map.of("dispatchMinutes", 10, "resolveHours", 48),
                Map.of("dispatchMinutes", 10, "resolveHours", 48, "autoCloseDays", 3,
                        "overrides", List.of(Map.of("category", "no-such", "dispatchMinutes", 1))),
                Map.of("dispatchMinutes", 10, "resolveHours", 48, "autoCloseDays", 3,
                        "overrides", List.of(Map.of("category", "fire"))),
                Map.of("dispatchMinutes", 10, "resolveHours", 48, "autoCloseDays", 3,
                        "overrides", List.of(Map.of("category", "fire", "dispatchMinutes", 0))))) {
            admin().body(bad).put(BASE + "/sla").then().statusCode(400);
        }
        admin().get(BASE + "/sla").then().body("dispatchMinutes", equalTo(20)).body("overrides.size()", equalTo(1));

        // PUT replaces: an override left out is removed
        admin().body(Map.of("dispatchMinutes", 20, "resolveHours", 48, "autoCloseDays", 3)).put(BASE + "/sla")
                .then().statusCode(200).body("overrides.size()", equalTo(0));
        given().auth().oauth2(Tokens.of(TestTenants.member(T, "rider"))).get(BASE + "/sla").then().statusCode(403);
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + T + "' and action = 'report.sla.update'"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void templatesDefaultCustomAndPlaceholders() {
        admin().get(BASE + "/templates").then().statusCode(200).body("size()", equalTo(ReportState.values().length))
                .body("find { it.state == 'resolved' }.zh", equalTo("您反映的{category}问题已处理：{note}"))
                .body("find { it.state == 'resolved' }.custom", equalTo(false));

        admin().body(List.of(Map.of("state", "resolved", "zh", "{handler}已处理{community}的{category}问题：{note}",
                        "en", "Done: {note}")))
                .put(BASE + "/templates").then().statusCode(200)
                .body("find { it.state == 'resolved' }.custom", equalTo(true))
                .body("find { it.state == 'resolved' }.en", equalTo("Done: {note}"))
                .body("find { it.state == 'submitted' }.custom", equalTo(false));

        for (String bad : List.of("已处理{reporter}", "已处理{note", "已处理 {} 了", "已处理}")) {
            admin().body(List.of(Map.of("state", "resolved", "zh", bad, "en", "ok")))
                    .put(BASE + "/templates").then().statusCode(400).body("errors[0].field", equalTo("[0].zh"));
        }
        admin().body(List.of(Map.of("state", "closing", "zh", "x", "en", "x"))).put(BASE + "/templates").then().statusCode(400);
        admin().body(List.of(Map.of("state", "resolved", "zh", "", "en", "x"))).put(BASE + "/templates").then().statusCode(400);
        admin().body(List.of(Map.of("state", "rejected", "zh", "a", "en", "a"), Map.of("state", "rejected", "zh", "b", "en", "b")))
                .put(BASE + "/templates").then().statusCode(400);
        admin().get(BASE + "/templates").then().body("find { it.state == 'resolved' }.en", equalTo("Done: {note}"))
                .body("find { it.state == 'rejected' }.custom", equalTo(false));

        // putting the default back restores it
        admin().body(List.of(Map.of("state", "resolved", "zh", "您反映的{category}问题已处理：{note}",
                        "en", "Your report about {category} has been resolved: {note}")))
                .put(BASE + "/templates").then().statusCode(200).body("find { it.state == 'resolved' }.custom", equalTo(false));
        assertThat(Db.count("select count(*) from response_template where tenant_id = '" + T + "'")).isZero();
        given().auth().oauth2(Tokens.of(TestTenants.member(T, "dispatcher"))).contentType(ContentType.JSON)
                .body(List.of(Map.of("state", "resolved", "zh", "x", "en", "x"))).put(BASE + "/templates").then().statusCode(403);
    }

    @Test
    void renderFillsTheTownshipsTextInTheRidersLanguage() {
        Map<String, String> values = Map.of("category", "路灯", "note", "已更换灯泡", "handler", "张网格员");
        assertThat(work.inTenant(T, () -> templates.render(ReportState.resolved, Locale.SIMPLIFIED_CHINESE, values)))
                .isEqualTo("您反映的路灯问题已处理：已更换灯泡");
        assertThat(work.inTenant(T, () -> templates.render(ReportState.resolved, Locale.ENGLISH,
                Map.of("category", "street light", "note", "bulb replaced"))))
                .isEqualTo("Your report about street light has been resolved: bulb replaced");
        // no language, or one we do not speak: Chinese
        assertThat(work.inTenant(T, () -> templates.render(ReportState.dispatched, null, values)))
                .isEqualTo("您反映的路灯问题已交由张网格员处理。");
        assertThat(work.inTenant(T, () -> templates.render(ReportState.dispatched, Locale.FRENCH, values)))
                .startsWith("您反映的");

        admin().body(List.of(Map.of("state", "resolved", "zh", "{handler}已处理{community}的{category}：{note} $1 \\",
                "en", "Done: {note}"))).put(BASE + "/templates").then().statusCode(200);
        // a missing value reads as empty; replacement text is taken literally
        assertThat(work.inTenant(T, () -> templates.render(ReportState.resolved, Locale.CHINA, values)))
                .isEqualTo("张网格员已处理的路灯：已更换灯泡 $1 \\");
        assertThat(work.inTenant(T, () -> templates.render(ReportState.resolved, Locale.ENGLISH,
                Map.of("note", "{category} $0")))).isEqualTo("Done: {category} $0");
    }
}
