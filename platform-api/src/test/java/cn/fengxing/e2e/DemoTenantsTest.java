package cn.fengxing.e2e;

import cn.fengxing.local.DemoRealm;
import cn.fengxing.region.service.TownshipFigureRefresher;
import cn.fengxing.support.Db;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import cn.fengxing.region.ComparisonJson;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * What the run command does, checked: the five demo manifests applied with the operators' CLI
 * (client credentials from the real Keycloak) onboard the demo townships; a second apply changes
 * nothing; each demo admin sees their own township and is refused another.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class DemoTenantsTest {

    @Inject
    TownshipFigureRefresher refresher;

    @TestHTTPResource("/")
    URL api;

    private String cli(String... command) {
        return DemoTownships.cli(api, command);
    }

    private static String token(String username) {
        return KeycloakProfile.KeycloakResource.keycloak.userAccessToken(username, DemoRealm.PASSWORD);
    }

    @Test
    void theDemoTownshipsComeUpThroughTheCliAndEachAdminSeesOnlyItsOwn() throws IOException {
        List<Path> manifests = DemoTownships.manifests();
        assertThat(manifests).hasSize(5);
        long start = System.nanoTime();
        for (Path manifest : manifests) {
            // created, or unchanged or updated when another end-to-end test applied them and worked in them first
            assertThat(cli("apply", "-f", manifest.toString())).containsAnyOf(": created", ": unchanged", ": updated");
        }
        System.out.printf("applied the five demo manifests in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (Path manifest : manifests) {
            assertThat(cli("apply", "-f", manifest.toString())).contains(": unchanged");
        }
        cli("grant", DemoRealm.SHANXI_VIEWER_SUBJECT, "山西省", "region_viewer");
        assertThat(cli("list")).contains("ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan", "山西省/吕梁市/中阳县");

        String ningxiang = token(DemoRealm.NINGXIANG_ADMIN_USERNAME);
        given().auth().oauth2(ningxiang).get("/api/t/ningxiang/grids").then().statusCode(200).body("total", equalTo(12));
        // the article's 197 reports, 193 closed: the CLI inlined the history file, imported once
        assertThat(Db.strings("select count(*) || ' ' || count(*) filter (where state in ('closed_fixed', 'closed_not_fixed',"
                + " 'rejected', 'duplicate')) from report where tenant_id = 'ningxiang' and source = 'import'"))
                .containsExactly("197 193");
        given().auth().oauth2(ningxiang).get("/api/t/beidajie/grids").then().statusCode(403);
        // the articles' figures in the year of history: 宁乡's 43 e-passes over its 25 friendly communities, 北大街's
        // 100 riders in 9 squads, 工程's 127 flyposters cleared; every township's history lies in the past year
        assertThat(Db.count("select count(distinct c.friendly_community_id) from epass e join epass_community c on"
                + " c.epass_id = e.id where e.tenant_id = 'ningxiang' and e.import_code is not null")).isEqualTo(25);
        assertThat(Db.count("select count(*) from epass where tenant_id = 'ningxiang' and import_code is not null"))
                .isEqualTo(43);
        assertThat(Db.strings("select count(*) || ' ' || count(distinct squad_id) from rider where tenant_id = 'beidajie'"
                + " and squad_id is not null")).containsExactly("100 9");
        // and the 美团 depot's 206 further riders, 239 美团 riders in all: the insured of the care history (counted by
        // squad and depot: browser tests running before this one register riders of their own in beidajie)
        assertThat(Db.strings("select count(*) filter (where depot = '美团北大街配送站') || ' ' || count(*) filter"
                + " (where platform = 'meituan') from rider where tenant_id = 'beidajie' and (squad_id is not null"
                + " or depot = '美团北大街配送站')")).containsExactly("206 239");
        assertThat(Db.count("select count(*) from care_record where tenant_id = 'beidajie' and kind = 'insurance'"))
                .isEqualTo(239);
        assertThat(Db.count("select count(*) from report r join report_category c on c.id = r.category_id where"
                + " r.tenant_id = 'gongcheng' and r.source = 'import' and c.code = 'flyposting' and r.state = 'closed_fixed'"))
                .isEqualTo(127);
        assertThat(Db.count("select count(*) from rider where tenant_id = 'shanyang' and volunteer")).isEqualTo(25);
        assertThat(Db.strings("select tenant_id || ' ' || count(*) from report where source = 'import' and tenant_id in"
                + " ('beidajie', 'shanyang', 'gongcheng', 'yuetan') and created_at > now() - interval '365 days'"
                + " group by tenant_id order by tenant_id"))
                .containsExactly("beidajie 300", "gongcheng 220", "shanyang 250", "yuetan 250");
        assertThat(Db.count("select count(*) from rider where tenant_id in ('ningxiang', 'beidajie', 'shanyang',"
                + " 'gongcheng', 'yuetan') and created_at < now() - interval '30 days'")).isGreaterThan(200);

        String beidajie = token(DemoRealm.BEIDAJIE_ADMIN_USERNAME);
        given().auth().oauth2(beidajie).get("/api/t/beidajie/communities").then().statusCode(200).body("total", equalTo(9));
        given().auth().oauth2(beidajie).queryParam("level", "grid").get("/api/t/beidajie/grids").then()
                .statusCode(200).body("total", equalTo(50));
        given().auth().oauth2(beidajie).queryParam("level", "micro").get("/api/t/beidajie/grids").then()
                .statusCode(200).body("total", equalTo(321));

        given().auth().oauth2(token(DemoRealm.RIDER_USERNAME)).get("/api/me").then().statusCode(200)
                .body("memberships.tenant", hasItems("ningxiang", "beidajie"));
        String viewer = token(DemoRealm.SHANXI_VIEWER_USERNAME);
        given().auth().oauth2(viewer).get("/api/me").then().statusCode(200)
                .body("grants[0].role", equalTo("region_viewer")).body("grants[0].regionPath", equalTo("山西省"));

        // the provincial viewer: 山西省 with 吕梁市 and 阳泉市, both townships side by side, their year as counted
        refresher.refreshPending();
        given().auth().oauth2(viewer).get("/api/regions").then().statusCode(200)
                .body("roots.path", contains("山西省")).body("roots[0].children.name", containsInAnyOrder("吕梁市", "阳泉市"));
        String year = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        JsonPath shanxi = given().auth().oauth2(viewer).queryParam("region", "山西省").queryParam("period", year)
                .get("/api/regions/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(shanxi.getList("rows.name")).containsExactlyInAnyOrder("宁乡镇", "北大街街道");
        assertThat(((Number) ComparisonJson.values(shanxi, "ningxiang").get("reports")).doubleValue()).isEqualTo((double) Db.count(
                "select count(*) from report where tenant_id = 'ningxiang' and extract(year from created_at at time zone"
                        + " 'Asia/Shanghai') = " + year));
        // the 306 of the manifest and any the browser tests registered before this one
        assertThat(((Number) ComparisonJson.values(shanxi, "beidajie").get("riders.enrolled")).doubleValue()).isEqualTo(
                (double) Db.count("select count(*) from rider where tenant_id = 'beidajie' and status <> 'left'"
                        + " and claims_rider_id is null"));
        assertThat(((Number) ComparisonJson.values(shanxi, "beidajie").get("care.insured")).doubleValue()).isEqualTo(239.0);
        given().auth().oauth2(viewer).queryParam("region", "河南省").get("/api/regions/comparison").then().statusCode(403);
    }
}
