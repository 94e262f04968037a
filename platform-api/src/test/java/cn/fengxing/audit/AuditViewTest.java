package cn.fengxing.audit;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A township admin reads their own township's audit trail, and only theirs. */
@QuarkusTest
class AuditViewTest {

    static final String A = "au-a";
    static final String B = "au-b";

    @BeforeEach
    void townships() {
        TestTenants.onboard(A, 127.0, 31.0);
        TestTenants.onboard(B, 127.5, 31.0);
    }

    static RequestSpecification admin(String tenant) {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(tenant))).contentType(ContentType.JSON);
    }

    static JsonPath audit(String tenant, Map<String, ?> query) {
        return admin(tenant).queryParams(query).get("/api/t/" + tenant + "/audit").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void configurationChangesOfThisTownshipOnlyNewestFirst() {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        String marker = "au-" + System.nanoTime();
        admin(A).body(Map.of("code", marker, "name", marker)).post("/api/t/" + A + "/report-settings/departments")
                .then().statusCode(201);
        admin(A).body(Map.of("dispatchMinutes", 11, "resolveHours", 72, "autoCloseDays", 7))
                .put("/api/t/" + A + "/report-settings/sla").then().statusCode(200);
        admin(B).body(Map.of("code", marker, "name", marker)).post("/api/t/" + B + "/report-settings/departments")
                .then().statusCode(201);

        JsonPath page = audit(A, Map.of("from", start.toString(), "size", 50));
        List<String> actions = page.getList("items.action");
        assertThat(actions).containsSubsequence("report.sla.update", "report.department.create");
        assertThat(page.getList("items.actor", String.class)).containsOnly(TestTenants.admin(A));
        assertThat(page.getString("items[0].actorName")).isEqualTo(A + " tenant_admin");
        assertThat(page.getList("items.actorKind", String.class)).containsOnly("member");
        List<String> times = page.getList("items.at");
        assertThat(times).isSortedAccordingTo((x, y) -> OffsetDateTime.parse(y).compareTo(OffsetDateTime.parse(x)));

        // B's change with the same target never shows in A
        JsonPath department = audit(A, Map.of("action", "report.department"));
        assertThat(department.getList("items.target")).containsOnlyOnce(marker);
        assertThat(audit(B, Map.of("action", "report.department.create")).getList("items.target")).contains(marker);

        // filters: exact action, action family, actor, time window, paging
        assertThat(audit(A, Map.of("action", "report.sla.update", "from", start.toString())).getInt("total")).isEqualTo(1);
        assertThat(audit(A, Map.of("action", "report.sla", "from", start.toString())).getInt("total")).isEqualTo(1);
        assertThat(audit(A, Map.of("action", "report.s", "from", start.toString())).getInt("total")).isZero();
        assertThat(audit(A, Map.of("actor", "someone-else", "from", start.toString())).getInt("total")).isZero();
        assertThat(audit(A, Map.of("to", start.toString(), "from", start.minusYears(1).toString()))
                .getList("items.target")).doesNotContain(marker);
        JsonPath first = audit(A, Map.of("from", start.toString(), "size", 1));
        assertThat(first.getInt("total")).isGreaterThanOrEqualTo(2);
        assertThat(first.getList("items")).hasSize(1);
        assertThat(first.getString("items[0].action")).isEqualTo("report.sla.update");
    }

    @Test
    void onboardingByThePlatformShowsWithoutAMemberName() {
        JsonPath page = audit(A, Map.of("action", "tenant.apply"));
        assertThat(page.getInt("total")).isGreaterThanOrEqualTo(1);
        assertThat(page.getString("items[0].actor")).isEqualTo(Tokens.OPERATOR);
        assertThat(page.getString("items[0].actorName")).isNull();
        assertThat(page.getString("items[0].actorKind")).isEqualTo("operator");
    }

    @Test
    void unattendedWorkAndStrangersAreToldApartWithoutAName() throws SQLException {
        String marker = "au-kind-" + System.nanoTime();
        try (var c = Db.superuser(); var st = c.createStatement()) {
            // an hour back, out of the time window of the other tests of this township
            st.executeUpdate("insert into audit_log (at, actor, tenant_code, action, target) values "
                    + "(now() - interval '1 hour', 'system', '" + A + "', 'rider.import', '" + marker + "'), "
                    + "(now() - interval '1 hour', 'someone-gone-" + marker + "', '" + A + "', 'rider.import', '" + marker + "')");
        }
        JsonPath page = audit(A, Map.of("action", "rider.import"));
        Map<String, String> kinds = new java.util.HashMap<>();
        for (int i = 0; i < page.getList("items").size(); i++) {
            if (marker.equals(page.getString("items[" + i + "].target"))) {
                kinds.put(page.getString("items[" + i + "].actor"), page.getString("items[" + i + "].actorKind"));
                assertThat(page.getString("items[" + i + "].actorName")).isNull();
            }
        }
        assertThat(kinds).containsOnly(Map.entry("system", "system"), Map.entry("someone-gone-" + marker, "other"));
    }

    @Test
    void onlyTheTownshipsAdminMayReadIt() {
        for (String role : List.of("dispatcher", "handler", "rider", "station_keeper")) {
            given().auth().oauth2(Tokens.of(TestTenants.member(A, role))).get("/api/t/" + A + "/audit").then()
                    .statusCode(403);
        }
        admin(B).get("/api/t/" + A + "/audit").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).get("/api/t/" + A + "/audit").then().statusCode(403);
        admin(A).queryParam("from", "yesterday").get("/api/t/" + A + "/audit").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("yesterday"));
        admin(A).queryParam("size", 1000).get("/api/t/" + A + "/audit").then().statusCode(400);
        admin(A).get("/api/t/" + A + "/audit").then().statusCode(200).body("page", equalTo(0));
    }
}
