package cn.fengxing.points;

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
import static org.hamcrest.Matchers.hasItems;

/** The manifest's points sections: rules and rewards by action and code, and the history imported once. */
@QuarkusTest
class PointsManifestTest {

    static final String T = "pt-manifest";
    static final String RIDER = "13800000001";

    static Map<String, Object> manifest(List<Map<String, Object>> history) {
        Map<String, Object> m = new HashMap<>(TestTenants.manifest(T, 117.0, 28.0));
        m.put("stations", List.of(Map.of("code", "h01", "name", "一社区微网格员之家", "kind", "workers_home",
                "community", "c1", "lon", 117.0, "lat", 28.0, "hours", Map.of("open24h", true))));
        m.put("points", Map.of(
                "rules", List.of(Map.of("action", "report_accepted", "points", 10, "dailyCap", 50),
                        Map.of("action", "meeting", "points", 5, "monthlyCap", 20),
                        Map.of("action", "volunteering", "points", 15, "needsApproval", true)),
                "rewards", List.of(Map.of("code", "water", "name", "矿泉水一箱", "cost", 30, "stock", 40,
                        "station", "h01"))));
        m.put("pointsHistory", history);
        return m;
    }

    static Map<String, Object> entry(String code, int daysAgo, String action, int points) {
        return Map.of("code", code, "rider", RIDER, "action", action, "points", points, "reason", "月度例会",
                "daysAgo", daysAgo, "time", "19:30", "by", TestTenants.admin(T));
    }

    static ValidatableResponse apply(Map<String, Object> manifest) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + T).then();
    }

    @Test
    void rulesRewardsAndHistoryAreAppliedOnce() {
        List<Map<String, Object>> history = List.of(entry("p-1", 40, "meeting", 5), entry("p-2", 10, "meeting", 5),
                entry("p-3", 3, "volunteering", 15));
        apply(manifest(history)).statusCode(200).body("changes", hasItems("+ points rule report_accepted",
                "+ reward water", "+ 3 points awards of history"));
        given().auth().oauth2(Tokens.of(TestTenants.admin(T))).get("/api/t/" + T + "/points/rules").then()
                .statusCode(200).body("find { it.action == 'meeting' }.monthlyCap", equalTo(20))
                .body("find { it.action == 'volunteering' }.needsApproval", equalTo(true))
                .body("find { it.action == 'training' }.configured", equalTo(false));
        // the history as it happened, oldest first, on its days of the township's calendar
        assertThat(Db.strings("select points || ':' || balance_after || ':' || ((now() at time zone 'Asia/Shanghai')"
                + "::date - (at at time zone 'Asia/Shanghai')::date) from points_entry where tenant_id = '" + T
                + "' order by at")).containsExactly("5:5:40", "5:10:10", "15:25:3");
        given().auth().oauth2(Tokens.of(TestTenants.member(T, "rider"))).get("/api/t/" + T + "/points/me").then()
                .statusCode(200).body("balance", equalTo(25)).body("earnedTotal", equalTo(25));

        // again, and with an entry changed: nothing changes
        apply(manifest(history)).statusCode(200).body("outcome", equalTo("unchanged"));
        apply(manifest(List.of(entry("p-1", 1, "meeting", 5)))).statusCode(200).body("outcome", equalTo("unchanged"));
        assertThat(Db.count("select count(*) from points_entry where tenant_id = '" + T + "'")).isEqualTo(3);

        // an unknown rider, a reward at no station, the future: refused by field, nothing imported
        Map<String, Object> bad = manifest(List.of(Map.of("code", "p-9", "rider", "13999999999", "action", "meeting",
                "points", 5, "daysAgo", 2, "time", "19:30", "by", TestTenants.admin(T))));
        apply(bad).statusCode(400).body("errors.field", hasItem("pointsHistory[0].rider"));
        Map<String, Object> noStation = manifest(history);
        noStation.put("points", Map.of("rewards", List.of(Map.of("code", "x", "name", "雨衣", "cost", 5, "stock", 1,
                "station", "nowhere"))));
        apply(noStation).statusCode(400).body("errors.field", hasItem("points.rewards[0].station"));
        Map<String, Object> badAction = manifest(history);
        badAction.put("points", Map.of("rules", List.of(Map.of("action", "gambling", "points", 5))));
        apply(badAction).statusCode(400);
        assertThat(Db.count("select count(*) from points_entry where tenant_id = '" + T + "'")).isEqualTo(3);
        assertThat(Db.count("select count(*) from points_reward where tenant_id = '" + T + "'")).isEqualTo(1);
    }
}
