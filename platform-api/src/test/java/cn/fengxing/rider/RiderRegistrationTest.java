package cn.fengxing.rider;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Self-registration from the mobile web: idempotent, bound to an imported rider by phone, one person per phone. */
@QuarkusTest
class RiderRegistrationTest {

    static final String T = "reg-t";

    @BeforeEach
    void township() {
        TestTenants.onboard(T, 131.0, 32.0);
    }

    private static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> form(String name, String phone) {
        return Map.of("name", name, "phone", phone, "platform", "eleme", "depot", "城东站");
    }

    @Test
    void aRegistrationRetriedFiveTimesAtOnceMakesOneRider() throws Exception {
        String subject = "reg-retry-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Callable<Integer> call = () -> as(subject).body(form("张重试", "13911110001"))
                    .post("/api/t/" + T + "/riders/registration").then().extract().statusCode();
            calls.add(pool.submit(call));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : calls) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(Db.count("select count(*) from rider where tenant_id = '" + T + "' and subject = '" + subject + "'"))
                .isEqualTo(1);
        as(subject).get("/api/t/" + T + "/riders/registration").then().statusCode(200)
                .body("status", equalTo("pending")).body("name", equalTo("张重试"))
                .body("phone", equalTo("139****0001")).body("platform", equalTo("eleme")).body("registered", equalTo(true));
        // pending: no rider role yet
        as(subject).get("/api/t/" + T + "/rider/code").then().statusCode(403);
    }

    @Test
    void whoHasNotRegisteredGets404AndTheFormOptions() {
        as("reg-nobody").get("/api/t/" + T + "/riders/registration").then().statusCode(404)
                .contentType("application/problem+json");
        as("reg-nobody").get("/api/t/" + T + "/riders/options").then().statusCode(200)
                .body("platforms.code", hasItem("uu")).body("platforms.find { it.code == 'meituan' }.nameZh", equalTo("美团"))
                .body("fields.partyMember", equalTo(false));
    }

    @Test
    void anImportedRiderIsBoundToWhoeverRegistersTheirPhone() {
        // imported riders are active with no subject (as the manifest's riders section without subject)
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.execute("insert into rider (tenant_id, name, phone, platform, status) values ('" + T
                    + "', '王导入', '13922220002', 'sf', 'active') on conflict do nothing");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        String subject = "reg-bind-" + System.nanoTime();
        as(subject).body(form("王自报", "13922220002")).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(200).body("name", equalTo("王导入")).body("status", equalTo("active"))
                .body("registered", equalTo(true));
        assertThat(Db.count("select count(*) from rider where tenant_id = '" + T + "' and phone = '13922220002'")).isEqualTo(1);
        // an active rider who signed in now holds the rider role
        as(subject).get("/api/t/" + T + "/rider/code").then().statusCode(200);
        given().auth().oauth2(Tokens.of(subject)).get("/api/me").then().statusCode(200)
                .body("memberships.find { it.tenant == '" + T + "' }.roles", equalTo(List.of("rider")));
    }

    @Test
    void aPhoneRegisteredByAnotherPersonIsAConflictAndBadInputIsRefused() {
        long before = Db.count("select count(*) from rider where tenant_id = '" + T + "'");
        // 13800000001 is the onboarded rider's phone, bound to reg-t-rider
        as("reg-other").body(form("李冒用", "13800000001")).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(409).contentType("application/problem+json");
        as("reg-other").body(form("李错号", "12345")).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(400).body("errors.field", hasItem(containsString("phone")));
        as("reg-other").body(Map.of("name", "李平台", "phone", "13933330003", "platform", "taxi"))
                .post("/api/t/" + T + "/riders/registration").then().statusCode(400);
        as("reg-other").body(form("", "13933330003")).post("/api/t/" + T + "/riders/registration").then().statusCode(400);
        assertThat(Db.count("select count(*) from rider where tenant_id = '" + T + "'")).isEqualTo(before);
        // the onboarded rider registering again gets their record back
        as(TestTenants.member(T, "rider")).body(form("随便", "13999999999")).post("/api/t/" + T + "/riders/registration")
                .then().statusCode(200).body("phone", equalTo("138****0001"));
    }
}
