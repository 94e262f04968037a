package cn.fengxing.event;

import cn.fengxing.admin.ManifestLoader;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** The manifest's events history 活动: past events with their attendees, imported once, without points. */
@QuarkusTest
class EventsManifestTest {

    static final String T = "ev-manifest";
    static final String RIDER = "13800000001";

    static Map<String, Object> manifest(List<Map<String, Object>> history) {
        Map<String, Object> m = new HashMap<>(TestTenants.manifest(T, 116.0, 30.0));
        m.put("stations", List.of(Map.of("code", "h01", "name", "一社区微网格员之家", "kind", "workers_home",
                "community", "c1", "lon", 116.0, "lat", 30.0, "hours", Map.of("open24h", true))));
        m.put("points", Map.of("rules", List.of(Map.of("action", "meeting", "points", 5),
                Map.of("action", "training", "points", 10))));
        m.put("eventsHistory", history);
        return m;
    }

    static Map<String, Object> entry(String code, String kind, int daysAgo, List<String> attendees) {
        Map<String, Object> e = new HashMap<>(Map.of("code", code, "kind", kind, "title", "月度骑手例会",
                "daysAgo", daysAgo, "time", "19:00", "minutes", 60, "station", "h01", "attendees", attendees,
                "by", TestTenants.admin(T)));
        return e;
    }

    static ValidatableResponse apply(Map<String, Object> manifest) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + T).then();
    }

    @Test
    void pastEventsAreImportedOnceWithTheirAttendeesAndNoPoints() {
        Map<String, Object> address = entry("e-3", "training", 5, List.of(RIDER));
        address.remove("station");
        address.put("address", "镇党群服务中心");
        address.put("minutes", 120);
        List<Map<String, Object>> history = List.of(entry("e-1", "meeting", 40, List.of(RIDER)),
                entry("e-2", "forum", 10, List.of()), address);
        apply(manifest(history)).statusCode(200).body("changes", hasItem("+ 3 events of history"));
        String admin = TestTenants.admin(T);
        given().auth().oauth2(Tokens.of(admin)).get("/api/t/" + T + "/events").then().statusCode(200)
                .body("total", equalTo(3)).body("items.kind", equalTo(List.of("training", "forum", "meeting")))
                .body("items.attended", equalTo(List.of(1, 0, 1)))
                .body("items[2].station.name", equalTo("一社区微网格员之家"))
                .body("items[0].address", equalTo("镇党群服务中心"));
        // on its day of the township's calendar, checked in as it started, and no points (the points history has them)
        assertThat(Db.strings("select ((now() at time zone 'Asia/Shanghai')::date - (e.starts_at at time zone "
                + "'Asia/Shanghai')::date) || ' ' || to_char(a.at at time zone 'Asia/Shanghai', 'HH24:MI') || ' ' "
                + "|| a.method from event_attendance a join event e on e.id = a.event_id where a.tenant_id = '" + T
                + "' order by a.at")).containsExactly("40 19:00 organiser_scan", "5 19:00 organiser_scan");
        assertThat(Db.count("select count(*) from points_entry where tenant_id = '" + T + "'")).isZero();
        given().auth().oauth2(Tokens.of(TestTenants.member(T, "rider"))).get("/api/t/" + T + "/events/mine").then()
                .statusCode(200).body("mine.attendedAt", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers
                        .notNullValue())).body("$", org.hamcrest.Matchers.hasSize(2));

        // again, and with an entry changed: nothing changes
        apply(manifest(history)).statusCode(200).body("outcome", equalTo("unchanged"));
        apply(manifest(List.of(entry("e-1", "training", 1, List.of())))).statusCode(200)
                .body("outcome", equalTo("unchanged"));
        assertThat(Db.count("select count(*) from event where tenant_id = '" + T + "'")).isEqualTo(3);
        assertThat(Db.count("select count(*) from event_attendance where tenant_id = '" + T + "'")).isEqualTo(2);

        // bad entries are refused by field and nothing of them is imported
        Map<String, Object> nowhere = entry("e-5", "meeting", 3, List.of(RIDER));
        nowhere.remove("station");
        Map<String, Object> unknownStation = entry("e-6", "meeting", 3, List.of());
        unknownStation.put("station", "h99");
        Map<String, Object> notOver = entry("e-7", "meeting", 0, List.of());
        notOver.put("time", "23:59");
        Map<String, Object> outsider = entry("e-8", "meeting", 3, List.of());
        outsider.put("by", "someone-else");
        apply(manifest(List.of(entry("e-4", "meeting", 2, List.of(RIDER, "13999999999", RIDER)), nowhere,
                unknownStation, notOver, outsider))).statusCode(400)
                .body("errors.field", hasItems("eventsHistory[0].attendees[1]", "eventsHistory[0].attendees[2]",
                        "eventsHistory[1].address", "eventsHistory[2].station", "eventsHistory[3].daysAgo",
                        "eventsHistory[4].by"));
        Map<String, Object> badKind = entry("e-9", "party", 3, List.of());
        apply(manifest(List.of(badKind))).statusCode(400).body("errors.field", hasItem("eventsHistory[0]"));
        apply(manifest(List.of(entry("e-1", "meeting", 40, List.of()), entry("e-1", "meeting", 41, List.of()))))
                .statusCode(400).body("errors.field", hasItem("eventsHistory[1].code"));
        assertThat(Db.count("select count(*) from event where tenant_id = '" + T + "'")).isEqualTo(3);
        assertThat(Db.count("select count(*) from event_attendance where tenant_id = '" + T + "'")).isEqualTo(2);
    }

    /**
     * Each demo township's events history passes the section's checks against its own roster, stations and members,
     * once: applied under a test code without the grids and the other history files.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ningxiang", "beidajie", "shanyang", "gongcheng", "yuetan"})
    void theDemoTownshipsEventsApply(String code) {
        ObjectNode manifest = new ManifestLoader().load(Path.of("../deploy/demo/tenants").resolve(code + ".yaml"));
        JsonNode events = manifest.get("eventsHistory");
        String test = "demo-ev-" + code;
        manifest.put("code", test);
        manifest.remove("grids");
        ManifestLoader.HISTORY.stream().filter(k -> !k.equals("eventsHistory")).forEach(manifest::remove);
        int attendees = 0;
        for (JsonNode e : events) {
            attendees += e.path("attendees").size();
        }
        for (int round = 0; round < 2; round++) {
            given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest.toString())
                    .put("/api/platform/tenants/" + test).then().statusCode(200)
                    .body("outcome", equalTo(round == 0 ? "created" : "unchanged"));
        }
        assertThat(Db.count("select count(*) from event where tenant_id = '" + test + "'")).isEqualTo(events.size());
        assertThat(Db.count("select count(*) from event_attendance where tenant_id = '" + test + "'"))
                .isEqualTo(attendees).isPositive();
        assertThat(Db.count("select count(*) from points_entry where tenant_id = '" + test + "'")).isZero();
    }
}
