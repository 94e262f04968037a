package cn.fengxing.pairing;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.fengxing.pairing.PairingTownships.apply;
import static cn.fengxing.pairing.PairingTownships.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Manifest section pairingHistory: elders, pairings, look-ins and alerts imported once per elder (a second apply
 * changes nothing), nobody notified, bad entries named; grids files naming their grid workers.
 */
@QuarkusTest
class PairingHistoryTest {

    static final String T = "pair-hist";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @BeforeEach
    void township() {
        PairingTownships.onboard(T, 119.5, 30.0);
    }

    static Map<String, Object> elder(String key, String community, String family, String given) {
        Map<String, Object> e = new HashMap<>(Map.of("key", key, "community", community, "familyName", family,
                "givenName", given, "address", "月坛西街3号院2号楼1单元101", "lon", 119.5, "lat", 30.0,
                "phone", "010-6852-1001", "familyContactName", "李明（儿子）", "familyContactPhone", "13987654321"));
        e.put("landmark", "楼下有红色信报箱");
        return e;
    }

    static Map<String, Object> history(String riderPhone, int startDaysAgo) {
        List<Map<String, Object>> visits = new ArrayList<>();
        for (int d = startDaysAgo; d >= 1; d--) {
            visits.add(Map.of("elder", "e1", "daysAgo", d, "time", "10:30",
                    "outcome", d >= 5 && d <= 7 ? "garbage_not_out" : "ok"));
        }
        return Map.of("elders", List.of(elder("e1", "c1", "王", "秀兰"), elder("e2", "c2", "李", "桂英")),
                "pairings", List.of(Map.of("elder", "e1", "riderPhone", riderPhone, "startDaysAgo", startDaysAgo)),
                "visits", visits,
                "alerts", List.of(Map.of("elder", "e1", "reason", "streak", "streakFromDaysAgo", 7,
                        "streakToDaysAgo", 5, "raisedDaysAgo", 5, "time", "10:30", "followUpMinutes", 35,
                        "outcome", "helped", "note", "感冒卧床，已联系家属", "by", TestTenants.member(T, "handler"))));
    }

    static Map<String, Object> manifest(Map<String, Object> history) {
        Map<String, Object> m = new HashMap<>(PairingTownships.manifest(T, 119.5, 30.0));
        m.put("pairingHistory", history);
        return m;
    }

    static List<String> rows() {
        return List.of(
                "elder " + Db.count("select count(*) from elder where tenant_id = '" + T + "'"),
                "pairing " + Db.count("select count(*) from pairing where tenant_id = '" + T + "'"),
                "visit " + Db.count("select count(*) from pairing_visit where tenant_id = '" + T + "'"),
                "alert " + Db.count("select count(*) from pairing_alert where tenant_id = '" + T + "'"));
    }

    @Test
    void historyIsImportedOnceAndNotifiesNobody() {
        long notifications = Db.count("select count(*) from notification where tenant_id = '" + T + "'");
        apply(T, manifest(history("13800000001", 10))).statusCode(200)
                .body("changes", hasItem("+ 2 elders, 1 pairings, 10 look-ins and 1 alerts of history"));
        assertThat(rows()).containsExactly("elder 2", "pairing 1", "visit 10", "alert 1");
        LocalDate today = LocalDate.now(ZONE);
        assertThat(Db.strings("select start_on || ' ' || coalesce(end_on::text, 'open') from pairing where tenant_id = '"
                + T + "'")).containsExactly(today.minusDays(10) + " open");
        assertThat(Db.strings("select max(day)::text from pairing_visit where tenant_id = '" + T + "'"))
                .containsExactly(today.minusDays(1).toString());
        assertThat(Db.strings("select streak_from || ' ' || streak_to || ' ' || outcome || ' ' || "
                + "extract(epoch from followed_up_at - raised_at)::int / 60 || ' ' || (escalated_at is null) "
                + "from pairing_alert where tenant_id = '" + T + "'")).containsExactly(
                today.minusDays(7) + " " + today.minusDays(5) + " helped 35 true");
        // a second apply, on this or a later day, writes nothing again
        apply(T, manifest(history("13800000001", 10))).statusCode(200);
        apply(T, manifest(history("13800000001", 11))).statusCode(200);
        assertThat(rows()).containsExactly("elder 2", "pairing 1", "visit 10", "alert 1");
        assertThat(Db.count("select count(*) from notification where tenant_id = '" + T + "'")).isEqualTo(notifications);
        // the rider sees the elder; the console reads the history's latest look-in
        as(TestTenants.member(T, "rider")).get("/api/t/" + T + "/pairing/mine").then().statusCode(200)
                .body("[0].givenName", equalTo("秀兰")).body("[0].lastVisit.outcome", equalTo("ok"))
                .body("[0].today", equalTo(null));
        as(TestTenants.member(T, "handler")).get("/api/t/" + T + "/pairing/pairings").then()
                .body("items[0].streak", equalTo(0)).body("items[0].lastVisit.day", equalTo(today.minusDays(1).toString()));
    }

    @Test
    void badHistoryIsRefusedWhole() {
        apply(T, manifest(history("13700000000", 10))).statusCode(400)
                .body("errors.field", hasItem("pairingHistory.pairings[0].riderPhone"));
        Map<String, Object> early = new HashMap<>(history("13800000001", 10));
        early.put("visits", List.of(Map.of("elder", "e1", "daysAgo", 11, "time", "10:00", "outcome", "ok")));
        apply(T, manifest(early)).statusCode(400).body("errors.field", hasItem("pairingHistory.visits[0].elder"));
        Map<String, Object> unknown = new HashMap<>(history("13800000001", 10));
        unknown.put("elders", List.of(elder("e1", "c9", "王", "秀兰")));
        apply(T, manifest(unknown)).statusCode(400).body("errors.field", hasItem("pairingHistory.elders[0].community"));
        Map<String, Object> badPhone = new HashMap<>(history("13800000001", 10));
        Map<String, Object> e = elder("e1", "c1", "王", "秀兰");
        e.put("phone", "=1+1");
        badPhone.put("elders", List.of(e));
        apply(T, manifest(badPhone)).statusCode(400);
        apply(T, Map.of("code", T, "pairingHistory", List.of())).statusCode(400);
        assertThat(rows()).containsExactly("elder 0", "pairing 0", "visit 0", "alert 0");
    }

    @Test
    void gridsNameTheirWorkersWhoMustBeHandlers() {
        assertThat(Db.strings("select g.code || ' ' || w.subject from grid_worker w join grid g on g.id = w.grid_id "
                + "where g.tenant_id = '" + T + "' order by g.code")).containsExactly(
                "g1 " + TestTenants.member(T, "handler"), "g2 " + PairingTownships.handler2(T));
        Map<String, Object> m = new HashMap<>(PairingTownships.manifest(T, 119.5, 30.0));
        m.put("grids", Map.of("type", "FeatureCollection", "features", List.of(
                PairingTownships.grid("g1", "c1", 119.5, 30.0, List.of(TestTenants.member(T, "rider"))))));
        apply(T, m).statusCode(400).body("errors.field", hasItem("features[0].properties.workers[0]"));
        // a re-apply with the same workers changes nothing; new workers replace the grid's
        apply(T, PairingTownships.manifest(T, 119.5, 30.0)).statusCode(200).body("outcome", equalTo("unchanged"));
        m.put("grids", Map.of("type", "FeatureCollection", "features", List.of(
                PairingTownships.grid("g1", "c1", 119.5, 30.0, List.of(PairingTownships.handler2(T))))));
        apply(T, m).statusCode(200).body("changes", hasItem("~ grid workers g1"));
        assertThat(Db.strings("select w.subject from grid_worker w join grid g on g.id = w.grid_id where g.tenant_id = '"
                + T + "' and g.code = 'g1'")).containsExactly(PairingTownships.handler2(T));
    }
}
