package cn.fengxing.tenancy;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class OnboardingTest {

    private static String operator() {
        return Tokens.of(Tokens.OPERATOR);
    }

    private static io.restassured.response.ValidatableResponse apply(Map<String, Object> manifest, boolean dryRun) {
        return given().auth().oauth2(operator()).contentType(ContentType.JSON).body(manifest)
                .queryParam("dryRun", dryRun)
                .when().put("/api/platform/tenants/" + manifest.get("code")).then();
    }

    @Test
    void applyTwiceChangesNothingAndAChangeUpdates() {
        Map<String, Object> manifest = TestTenants.manifest("onb-apply", 110.0, 30.0);
        apply(manifest, false).statusCode(200).body("outcome", equalTo("created"))
                .body("changes", hasItems("+ tenant onb-apply", "+ community c1", "+ grid g1", "+ grid g1-m1"));
        long auditRows = Db.count("select count(*) from audit_log where tenant_code = 'onb-apply'");

        apply(manifest, false).statusCode(200).body("outcome", equalTo("unchanged")).body("changes.size()", equalTo(0));
        assertThat(Db.count("select count(*) from audit_log where tenant_code = 'onb-apply'")).isEqualTo(auditRows);

        Map<String, Object> changed = new HashMap<>(manifest);
        changed.put("name", "改名镇");
        changed.put("communities", List.of(Map.of("code", "c1", "name", "一社区"), Map.of("code", "c2", "name", "新二社区"),
                Map.of("code", "c3", "name", "三社区")));
        apply(changed, true).statusCode(200).body("outcome", equalTo("updated")).body("dryRun", equalTo(true))
                .body("changes", hasItems("~ name: onb-apply 镇 -> 改名镇", "+ community c3"));
        given().auth().oauth2(operator()).get("/api/platform/tenants/onb-apply").then()
                .statusCode(200).body("name", equalTo("onb-apply 镇"));

        apply(changed, false).statusCode(200).body("outcome", equalTo("updated"))
                .body("changes", contains("~ name: onb-apply 镇 -> 改名镇", "~ community c2 name: 二社区 -> 新二社区",
                        "+ community c3"));
        given().auth().oauth2(operator()).get("/api/platform/tenants/onb-apply").then()
                .statusCode(200).body("name", equalTo("改名镇")).body("regionPath", equalTo("测试省/测试市/onb-apply县"));
        given().auth().oauth2(Tokens.of(TestTenants.admin("onb-apply"))).get("/api/t/onb-apply/communities").then()
                .statusCode(200).body("total", equalTo(3));
    }

    @Test
    void suspendBlocksMembersButNotOperatorsAndResumeRestores() {
        TestTenants.onboard("onb-susp", 111.0, 30.0);
        String admin = Tokens.of(TestTenants.admin("onb-susp"));
        given().auth().oauth2(admin).get("/api/t/onb-susp/grids").then().statusCode(200);

        given().auth().oauth2(operator()).post("/api/platform/tenants/onb-susp/suspend").then()
                .statusCode(200).body("status", equalTo("suspended"));
        given().auth().oauth2(admin).get("/api/t/onb-susp/grids").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:fengxing:problem:tenant-suspended"));
        given().auth().oauth2(operator()).get("/api/t/onb-susp/grids").then().statusCode(200);

        given().auth().oauth2(operator()).post("/api/platform/tenants/onb-susp/resume").then()
                .statusCode(200).body("status", equalTo("active"));
        given().auth().oauth2(admin).get("/api/t/onb-susp/grids").then().statusCode(200);
    }

    @Test
    void exportHoldsEveryRowOfTheTenantAndNoOtherTenants() throws Exception {
        TestTenants.onboard("onb-exp", 112.0, 30.0);
        TestTenants.onboard("onb-other", 113.0, 30.0);
        byte[] zip = given().auth().oauth2(operator()).get("/api/platform/tenants/onb-exp/export").then()
                .statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, List<String>> entries = unzip(zip);

        List<String> tenantTables = Db.strings("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
                 where n.nspname = 'public' and c.relkind = 'r'""");
        assertThat(tenantTables).contains("community", "grid");
        for (String table : tenantTables) {
            assertThat(entries).containsKey("tenant/" + table + ".jsonl");
            assertThat(entries.get("tenant/" + table + ".jsonl"))
                    .hasSize((int) Db.count("select count(*) from " + table + " where tenant_id = 'onb-exp'"))
                    .allSatisfy(row -> assertThat(row).contains("\"tenant_id\":\"onb-exp\""));
        }
        assertThat(entries.get("platform/membership.jsonl")).hasSize(5);
        assertThat(entries.get("platform/tenant.jsonl")).singleElement().asString().contains("\"code\":\"onb-exp\"");
        assertThat(String.join("\n", entries.values().stream().flatMap(List::stream).toList())).doesNotContain("onb-other");
    }

    @Test
    void listAndGetShowTownshipsToOperatorsOnly() {
        TestTenants.onboard("onb-list", 114.0, 30.0);
        given().auth().oauth2(operator()).queryParam("size", 200).get("/api/platform/tenants").then()
                .statusCode(200).body("items.code", hasItem("onb-list"));
        given().auth().oauth2(Tokens.of(TestTenants.admin("onb-list"))).get("/api/platform/tenants").then()
                .statusCode(403).body("type", equalTo("urn:fengxing:problem:forbidden"));
        given().auth().oauth2(operator()).get("/api/platform/tenants/nowhere").then().statusCode(404);
    }

    @Test
    void badManifestsAreRefusedAndChangeNothing() {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest("onb-bad", 115.0, 30.0));
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/onb-other-code").then().statusCode(400);
        manifest.put("members", List.of(Map.of("subject", "x", "roles", List.of("king"))));
        apply(manifest, false).statusCode(400).body("detail", org.hamcrest.Matchers.containsString("king"));
        manifest.put("members", List.of(Map.of("subject", "x", "roles", List.of("platform_operator"))));
        apply(manifest, false).statusCode(400);
        manifest.remove("members");
        manifest.put("gridz", Map.of());
        apply(manifest, false).statusCode(400).body("detail", org.hamcrest.Matchers.containsString("gridz"));
        manifest.remove("gridz");
        manifest.put("communities", List.of(Map.of("code", "ok", "name", "好"), Map.of("code", "")));
        apply(manifest, false).statusCode(400).body("errors.field", hasItem("communities[1].code"));
        manifest.remove("communities");
        manifest.put("timeZone", "Mars/Olympus");
        apply(manifest, false).statusCode(400);
        manifest.put("timeZone", "Asia/Shanghai");
        manifest.put("code", "Bad Code!");
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/Bad Code!").then().statusCode(400)
                .body("errors.field", hasItem("code"));
        assertThat(Db.count("select count(*) from tenant where code = 'onb-bad'")).isZero();
        assertThat(Db.count("select count(*) from region where path like '%onb-bad%'")).isZero();
    }

    static Map<String, List<String>> unzip(byte[] zip) throws IOException {
        Map<String, List<String>> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                entries.put(e.getName(), text.isEmpty() ? List.of() : List.of(text.split("\n")));
            }
        }
        return entries;
    }
}
