package cn.fengxing.care;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The manifest's care history 关爱服务: imported once by code, insurance with its cover, bad entries refused. */
@QuarkusTest
class CareManifestTest {

    static final String T = "care-manifest";
    static final String RIDER = "13800000001";

    static Map<String, Object> manifest(List<Map<String, Object>> history) {
        Map<String, Object> m = new HashMap<>(TestTenants.manifest(T, 116.0, 27.0));
        m.put("careHistory", history);
        return m;
    }

    static Map<String, Object> entry(String code, int daysAgo, String kind, String title, Integer coverDays) {
        Map<String, Object> e = new HashMap<>(Map.of("code", code, "rider", RIDER, "kind", kind, "title", title,
                "daysAgo", daysAgo, "time", "09:30", "by", TestTenants.admin(T)));
        if (coverDays != null) {
            e.put("coverDays", coverDays);
            e.put("reference", "DBYL-" + code);
            e.put("amount", 150);
        }
        return e;
    }

    static ValidatableResponse apply(Map<String, Object> manifest) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + T).then();
    }

    @Test
    void historyIsAppliedOnceWithItsCover() {
        List<Map<String, Object>> history = List.of(entry("c-1", 300, "insurance", "大病医疗保险", 365),
                entry("c-2", 150, "gift", "防暑降温物品", null), entry("c-3", 20, "health_check", "健康体检", null));
        apply(manifest(history)).statusCode(200).body("changes", hasItem("+ 3 care records of history"));
        // on the township's calendar: given 300 days ago, covered for 365 days from then
        assertThat(Db.strings("select kind || ':' || ((now() at time zone 'Asia/Shanghai')::date - given_on) || ':' "
                + "|| coalesce((cover_end - cover_start + 1)::text, '-') || ':' || source from care_record where "
                + "tenant_id = '" + T + "' order by given_on")).containsExactly("insurance:300:365:history:c-1",
                "gift:150:-:history:c-2", "health_check:20:-:history:c-3");
        given().auth().oauth2(Tokens.of(TestTenants.member(T, "rider"))).get("/api/t/" + T + "/care/me").then()
                .statusCode(200).body("total", equalTo(3)).body("items[2].reference", equalTo("DBYL-c-1"));
        given().auth().oauth2(Tokens.of(TestTenants.admin(T))).queryParam("kind", "insurance")
                .get("/api/t/" + T + "/care/records").then().body("items[0].recordedByName", equalTo(T + " tenant_admin"));

        // again, and with an entry changed: nothing changes
        apply(manifest(history)).statusCode(200).body("outcome", equalTo("unchanged"));
        apply(manifest(List.of(entry("c-1", 2, "gift", "改", null)))).statusCode(200)
                .body("outcome", equalTo("unchanged"));

        // an unknown rider, insurance without cover, a gift with one, the future: refused by field, nothing imported
        Map<String, Object> stranger = entry("c-9", 2, "gift", "书籍", null);
        stranger.put("rider", "13999999999");
        apply(manifest(List.of(stranger))).statusCode(400).body("errors.field", hasItem("careHistory[0].rider"));
        apply(manifest(List.of(entry("c-9", 2, "insurance", "大病医疗保险", null)))).statusCode(400)
                .body("errors.field", hasItem("careHistory[0].coverDays"));
        apply(manifest(List.of(entry("c-9", 2, "gift", "书籍", 30)))).statusCode(400)
                .body("errors.field", hasItem("careHistory[0].coverDays"));
        Map<String, Object> badKind = entry("c-9", 2, "gift", "书籍", null);
        badKind.put("kind", "visit");
        apply(manifest(List.of(badKind))).statusCode(400);
        assertThat(Db.count("select count(*) from care_record where tenant_id = '" + T + "'")).isEqualTo(3);
    }
}
