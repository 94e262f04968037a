package cn.fengxing.tenancy;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The manifest's dated roster and its histories (epassHistory, stationVisitHistory, discountUseHistory): imported
 * once by code on their past days, a second apply changes nothing, bad entries are refused by field before anything
 * is imported, and one township's codes are its own.
 */
@QuarkusTest
class ManifestHistoryTest {

    static final String RIDER = "13800000001";
    static final String LATE_RIDER = "13800000002";

    static ValidatableResponse apply(String code, Map<String, Object> manifest) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(new ObjectMapper().valueToTree(manifest).toString())
                .put("/api/platform/tenants/" + code).then().log().ifValidationFails();
    }

    /** A township with a squad, two dated riders, a friendly community, a station and a merchant. */
    static Map<String, Object> manifest(String code, double lon, double lat) {
        Map<String, Object> m = new HashMap<>(TestTenants.manifest(code, lon, lat));
        String admin = TestTenants.admin(code);
        m.put("squads", List.of(Map.of("name", "一社区小分队", "community", "c1")));
        m.put("riders", List.of(
                Map.of("name", code + " 骑手", "phone", RIDER, "platform", "meituan", "subject",
                        TestTenants.member(code, "rider"), "squad", "一社区小分队", "volunteer", true, "joinedDaysAgo", 200),
                Map.of("name", "王新来", "phone", LATE_RIDER, "platform", "sf", "joinedDaysAgo", 0)));
        m.put("friendlyCommunities", List.of(Map.of("code", "fc1", "name", "幸福小区", "community", "c1", "lon", lon,
                "lat", lat, "map", Map.of("type", "FeatureCollection", "features", List.of(Map.of("type", "Feature",
                        "properties", Map.of("kind", "entrance", "label", "南门"),
                        "geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat))))))));
        m.put("stations", List.of(Map.of("code", "e01", "name", "社区E站", "kind", "e_station", "community", "c1",
                "lon", lon, "lat", lat, "hours", Map.of("open24h", true))));
        m.put("merchants", List.of(Map.of("code", "m01", "name", "包子铺", "category", "food", "lon", lon, "lat", lat,
                "discount", "骑手9折")));
        m.put("epassHistory", List.of(Map.of("code", "p-1", "rider", RIDER, "communities", List.of("fc1"),
                "daysAgo", 100, "time", "09:30", "validDays", 30, "by", admin)));
        m.put("stationVisitHistory", List.of(
                Map.of("code", "v-1", "station", "e01", "rider", RIDER, "daysAgo", 150, "time", "12:00", "by", admin),
                Map.of("code", "v-2", "station", "e01", "rider", RIDER, "daysAgo", 3, "time", "18:15", "by", admin)));
        m.put("discountUseHistory", List.of(Map.of("code", "d-1", "merchant", "m01", "rider", RIDER, "daysAgo", 20,
                "time", "11:45", "by", admin)));
        return m;
    }

    static long count(String sql) {
        return Db.count(sql);
    }

    @Test
    void historiesAreImportedOnceOnTheirDaysAndEachTownshipKeepsItsOwnCodes() {
        String t = "hist-a";
        Map<String, Object> manifest = manifest(t, 119.0, 31.0);
        apply(t, manifest).statusCode(200).body("changes", hasItems("+ squad 一社区小分队", "+ 1 e-passes of history",
                "+ 2 station visits of history", "+ 1 discount uses of history"));
        // the roster: joined 200 days ago at 09:00 (the township's clock), in its squad, a volunteer
        assertThat(Db.strings("select (created_at at time zone 'Asia/Shanghai')::date = (now() at time zone 'Asia/Shanghai')::date - 200 and "
                + "to_char(created_at at time zone 'Asia/Shanghai', 'HH24:MI') = '09:00' and volunteer and squad_id is"
                + " not null from rider where tenant_id = '" + t + "' and phone = '" + RIDER + "'")).containsExactly("t");
        assertThat(count("select count(*) from rider where tenant_id = '" + t + "' and created_at <= now()"
                + " and created_at > now() - interval '1 day' and phone = '" + LATE_RIDER + "'")).isEqualTo(1);
        // each row on its past day, the pass past its 30 days
        assertThat(Db.strings("select (issued_at at time zone 'Asia/Shanghai')::date = (now() at time zone 'Asia/Shanghai')::date - 100 and valid_until"
                + " = valid_from + interval '30 days' and issued_at = valid_from from epass where tenant_id = '" + t + "'"))
                .containsExactly("t");
        given().auth().oauth2(Tokens.of(TestTenants.admin(t))).get("/api/t/" + t + "/epasses").then().statusCode(200)
                .body("items[0].state", equalTo("expired")).body("items[0].communities[0].code", equalTo("fc1"));
        assertThat(Db.strings("select to_char(at at time zone 'Asia/Shanghai', 'HH24:MI') from station_visit where"
                + " tenant_id = '" + t + "' order by at")).containsExactly("12:00", "18:15");
        assertThat(count("select count(*) from merchant_discount_use where tenant_id = '" + t
                + "' and at < now() - interval '19 days'")).isEqualTo(1);

        // again: nothing changes, not even a joining day or an edited entry
        Map<String, Object> again = manifest(t, 119.0, 31.0);
        again.put("stationVisitHistory", List.of(Map.of("code", "v-1", "station", "e01", "rider", RIDER, "daysAgo", 1,
                "time", "08:00", "by", TestTenants.admin(t))));
        apply(t, manifest).statusCode(200).body("outcome", equalTo("unchanged"));
        apply(t, again).statusCode(200).body("outcome", equalTo("unchanged"));
        assertThat(count("select count(*) from station_visit where tenant_id = '" + t + "'")).isEqualTo(2);

        // another township with the same codes imports its own rows; the first one's stay as they were
        String other = "hist-b";
        apply(other, manifest(other, 119.5, 31.5)).statusCode(200);
        for (String table : List.of("epass", "station_visit", "merchant_discount_use")) {
            assertThat(count("select count(*) from " + table + " where import_code is not null and tenant_id in ('" + t
                    + "', '" + other + "')")).as(table).isEqualTo(table.equals("station_visit") ? 4 : 2);
        }
    }

    @Test
    void badEntriesAreRefusedByFieldAndNothingIsImported() {
        String t = "hist-bad";
        Map<String, Object> manifest = manifest(t, 119.8, 31.8);
        String admin = TestTenants.admin(t);
        manifest.put("stationVisitHistory", List.of(
                Map.of("code", "v-1", "station", "e99", "rider", RIDER, "daysAgo", 5, "time", "12:00", "by", admin),
                Map.of("code", "v-1", "station", "e01", "rider", RIDER, "daysAgo", 5, "time", "12:00",
                        "by", TestTenants.member(t, "handler"))));
        manifest.put("discountUseHistory", List.of(Map.of("code", "d-1", "merchant", "m01", "rider", RIDER,
                "daysAgo", 0, "time", "23:59", "by", admin)));
        manifest.put("epassHistory", List.of(
                Map.of("code", "p-1", "rider", "13900009999", "communities", List.of("fc9"), "daysAgo", 10,
                        "time", "09:30", "validDays", 30, "by", TestTenants.member(t, "dispatcher"))));
        apply(t, manifest).statusCode(400).body("errors.field", hasItems("epassHistory[0].rider",
                "epassHistory[0].communities[0]", "epassHistory[0].by"));
        manifest.remove("epassHistory");
        apply(t, manifest).statusCode(400).body("errors.field", containsInAnyOrder("stationVisitHistory[0].station",
                "stationVisitHistory[1].code", "stationVisitHistory[1].by"));
        manifest.remove("stationVisitHistory");
        apply(t, manifest).statusCode(400).body("errors.field", containsInAnyOrder("discountUseHistory[0].time"));
        manifest.put("epassHistory", List.of(Map.of("code", "p-2", "rider", RIDER, "communities", List.of("fc1"),
                "daysAgo", 10, "time", "25:00", "validDays", 400, "by", admin)));
        manifest.remove("discountUseHistory");
        apply(t, manifest).statusCode(400).body("errors.field", containsInAnyOrder("epassHistory[0].time",
                "epassHistory[0].validDays"));
        // a joining day out of range names its field
        Map<String, Object> roster = manifest(t, 119.8, 31.8);
        roster.put("riders", List.of(Map.of("name", "李四", "phone", "13800000003", "platform", "sf",
                "joinedDaysAgo", 4000), Map.of("name", "张三", "phone", "13800000004", "platform", "sf", "squad", "无此队")));
        apply(t, roster).statusCode(400).body("type", org.hamcrest.Matchers.notNullValue())
                .body("errors.field", hasItems("riders[0].joinedDaysAgo"));
        assertThat(count("select count(*) from epass where tenant_id = '" + t + "'")
                + count("select count(*) from station_visit where tenant_id = '" + t + "'")
                + count("select count(*) from merchant_discount_use where tenant_id = '" + t + "'")).isZero();
    }
}
