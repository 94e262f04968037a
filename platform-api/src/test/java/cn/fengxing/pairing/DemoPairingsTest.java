package cn.fengxing.pairing;

import cn.fengxing.admin.ManifestLoader;
import cn.fengxing.support.Db;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * 月坛's demo care pairing through the API's own checks (under a test code, with its grids and the pairing history,
 * the other histories left out): its grid worker looks after 月坛西街社区's elders, the demo rider 宋海 sees his one
 * elder, nobody's streak is open on a fresh start, and a second apply changes nothing.
 */
@QuarkusTest
class DemoPairingsTest {

    static final String T = "demo-yt-pairing";
    static final String WORKER = "00000000-0000-4000-8000-000000000205";
    static final String RIDER = "00000000-0000-4000-8000-000000000206";

    @Test
    void yuetansCarePairingComesUpAsTheDemoTellsIt() {
        ObjectNode manifest = new ManifestLoader().load(Path.of("../deploy/demo/tenants/yuetan.yaml"));
        manifest.put("code", T);
        ManifestLoader.HISTORY.stream().filter(k -> !k.equals("pairingHistory")).forEach(manifest::remove);
        for (int round = 0; round < 2; round++) {
            given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest.toString())
                    .put("/api/platform/tenants/" + T).then().statusCode(200);
        }
        assertThat(List.of(Db.count("select count(*) from elder where tenant_id = '" + T + "'"),
                Db.count("select count(*) from pairing where tenant_id = '" + T + "'"),
                Db.count("select count(*) from pairing_alert where tenant_id = '" + T + "' and outcome = 'helped'")))
                .containsExactly(24L, 20L, 1L);
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        given().auth().oauth2(Tokens.of(RIDER)).get("/api/t/" + T + "/pairing/mine").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].communityName", equalTo("月坛西街社区"))
                .body("[0].lastVisit.day", equalTo(yesterday.toString()))
                .body("[0].lastVisit.outcome", equalTo("ok"));
        given().auth().oauth2(Tokens.of(WORKER)).get("/api/t/" + T + "/pairing/elders").then().statusCode(200)
                .body("total", equalTo(3)).body("items.community.code", everyItem(equalTo("c01")));
        given().auth().oauth2(Tokens.of(WORKER)).queryParam("size", 50).get("/api/t/" + T + "/pairing/pairings").then()
                .statusCode(200).body("total", equalTo(2)).body("items.streak", everyItem(equalTo(0)));
    }
}
