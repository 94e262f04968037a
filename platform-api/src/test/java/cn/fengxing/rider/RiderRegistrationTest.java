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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Self-registration from the mobile web: idempotent, one person per phone, and bound to an imported rider only
 * with proof (a verified phone, the admin's binding code, or the admin's approval).
 */
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

    /** An imported rider: active, on the roster, never signed in (as the manifest's riders section without subject). */
    private static long imported(String tenant, String name, String phone) {
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.execute("insert into rider (tenant_id, name, phone, platform, status) values ('" + tenant + "', '" + name
                    + "', '" + phone + "', 'sf', 'active') on conflict do nothing");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return Db.count("select id from rider where tenant_id = '" + tenant + "' and phone = '" + phone
                + "' and claims_rider_id is null");
    }

    private static String phone() {
        return "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
    }

    private static RequestSpecification admin(String tenant) {
        return as(TestTenants.admin(tenant));
    }

    private static String bindingCode(String tenant, long riderId) {
        return admin(tenant).post("/api/t/" + tenant + "/riders/" + riderId + "/binding-code").then().statusCode(200)
                .body("code", matchesPattern("[A-Z2-9]{4}-[A-Z2-9]{4}")).body("expiresAt", notNullValue())
                .extract().path("code");
    }

    private static Map<String, Object> form(String name, String phone, String code) {
        Map<String, Object> form = new HashMap<>(form(name, phone));
        form.put("bindingCode", code);
        return form;
    }

    private static void holdsRiderRole(String subject, boolean holds) {
        as(subject).get("/api/t/" + T + "/rider/code").then().statusCode(holds ? 200 : 403);
        given().auth().oauth2(Tokens.of(subject)).get("/api/me").then().statusCode(200)
                .body("memberships.findAll { it.tenant == '" + T + "' }.roles.flatten()",
                        holds ? equalTo(List.of("rider")) : empty());
    }

    private static String boundTo(long riderId) {
        return Db.strings("select coalesce(subject, '-') from rider where id = " + riderId).get(0);
    }

    private static String bindProof(long riderId) {
        List<String> proofs = Db.strings("select details->>'proof' from audit_log where tenant_code = '" + T
                + "' and action = 'rider.bind' and target = '" + riderId + "'");
        return proofs.isEmpty() ? null : proofs.get(0);
    }

    @Test
    void knowingAnImportedRidersPhoneIsNoProof() {
        String phone = phone();
        long id = imported(T, "王导入", phone);
        String attacker = "reg-attacker-" + System.nanoTime();
        long claim = ((Number) as(attacker).body(form("王冒充", phone)).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(201).body("status", equalTo("pending")).body("name", equalTo("王冒充"))
                .body("id", not(equalTo((int) id))).body("$", not(hasKey("claims")))
                .extract().path("id")).longValue();
        holdsRiderRole(attacker, false);
        assertThat(boundTo(id)).isEqualTo("-");
        // the admin sees a pending registration like any other, marked with the rider it claims
        admin(T).get("/api/t/" + T + "/riders/" + claim).then().statusCode(200)
                .body("status", equalTo("pending")).body("claims.id", equalTo((int) id)).body("claims.name", equalTo("王导入"));
        admin(T).queryParam("status", "pending").get("/api/t/" + T + "/riders").then().statusCode(200)
                .body("items.find { it.id == " + claim + " }.claims.name", equalTo("王导入"));
        // asking again changes nothing
        as(attacker).body(form("王冒充", phone)).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(200).body("status", equalTo("pending"));
        holdsRiderRole(attacker, false);
        // an unverified phone claim from the identity provider is no proof either
        String other = "reg-unverified-" + System.nanoTime();
        given().auth().oauth2(Tokens.withClaims(other, Map.of("phone_number", phone, "phone_number_verified", false)))
                .contentType(ContentType.JSON).body(form("王未验", phone)).post("/api/t/" + T + "/riders/registration")
                .then().statusCode(201).body("status", equalTo("pending"));
        assertThat(boundTo(id)).isEqualTo("-");
        assertThat(bindProof(id)).isNull();
    }

    @Test
    void aVerifiedPhoneFromTheIdentityProviderBindsAtOnce() {
        String phone = phone();
        long id = imported(T, "王验证", phone);
        String subject = "reg-verified-" + System.nanoTime();
        String token = Tokens.withClaims(subject, Map.of("phone_number", "+86 " + phone, "phone_number_verified", true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(form("王自报", phone))
                .post("/api/t/" + T + "/riders/registration").then()
                .statusCode(200).body("id", equalTo((int) id)).body("name", equalTo("王验证"))
                .body("status", equalTo("active")).body("registered", equalTo(true));
        assertThat(Db.count("select count(*) from rider where tenant_id = '" + T + "' and phone = '" + phone + "'")).isEqualTo(1);
        holdsRiderRole(subject, true);
        assertThat(bindProof(id)).isEqualTo("verified_phone");
    }

    @Test
    void theAdminsBindingCodeBindsOnceAndOnlyThatRider() {
        String phone = phone();
        long id = imported(T, "王绑码", phone);
        as(TestTenants.member(T, "dispatcher")).post("/api/t/" + T + "/riders/" + id + "/binding-code").then().statusCode(403);
        String code = bindingCode(T, id);
        assertThat(Db.strings("select code_hash from rider_binding_code where rider_id = " + id))
                .singleElement().isNotEqualTo(code).asString().hasSize(64);

        String subject = "reg-code-" + System.nanoTime();
        long before = Db.count("select count(*) from rider where tenant_id = '" + T + "'");
        as(subject).body(form("王自报", phone, "ABCD-EFGH")).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("bindingCode"));
        assertThat(Db.count("select count(*) from rider where tenant_id = '" + T + "'")).isEqualTo(before);
        holdsRiderRole(subject, false);

        // typed in lower case without the dash: still the code
        as(subject).body(form("王自报", phone, code.toLowerCase().replace("-", " "))).post("/api/t/" + T + "/riders/registration")
                .then().statusCode(200).body("id", equalTo((int) id)).body("name", equalTo("王绑码"))
                .body("status", equalTo("active"));
        holdsRiderRole(subject, true);
        assertThat(bindProof(id)).isEqualTo("code");
        assertThat(Db.count("select count(*) from rider_binding_code where rider_id = " + id)).isZero();

        // the code is spent: a second person with it gets nothing
        String second = "reg-code-again-" + System.nanoTime();
        as(second).body(form("王再用", phone, code)).post("/api/t/" + T + "/riders/registration").then().statusCode(409);
        holdsRiderRole(second, false);
        assertThat(boundTo(id)).isEqualTo(subject);
        // and a rider who signed in needs no code
        admin(T).post("/api/t/" + T + "/riders/" + id + "/binding-code").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aCodeForAPhoneWithoutAnImportedRiderIsRefused() {
        String subject = "reg-nocode-" + System.nanoTime();
        as(subject).body(form("李随填", phone(), "ABCD-EFGH")).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(400).body("errors.field", hasItem("bindingCode"));
        as(subject).get("/api/t/" + T + "/riders/registration").then().statusCode(404);
    }

    @Test
    void anExpiredCodeIsRefused() {
        String phone = phone();
        long id = imported(T, "王过期", phone);
        String code = bindingCode(T, id);
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.execute("update rider_binding_code set expires_at = now() - interval '1 minute' where rider_id = " + id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        as("reg-late-" + System.nanoTime()).body(form("王过期", phone, code)).post("/api/t/" + T + "/riders/registration")
                .then().statusCode(400).body("errors.field", hasItem("bindingCode"));
        assertThat(boundTo(id)).isEqualTo("-");
    }

    @Test
    void fiveWrongCodesLockTheCodeUntilTheAdminMakesANewOne() {
        String phone = phone();
        long id = imported(T, "王猜码", phone);
        String code = bindingCode(T, id);
        String guesser = "reg-guess-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            as(guesser).body(form("王猜码", phone, "WXYZ-234" + (i + 2))).post("/api/t/" + T + "/riders/registration")
                    .then().statusCode(400);
        }
        // even the right code no longer works
        as(guesser).body(form("王猜码", phone, code)).post("/api/t/" + T + "/riders/registration").then().statusCode(400);
        assertThat(boundTo(id)).isEqualTo("-");
        String fresh = bindingCode(T, id);
        String rider = "reg-fresh-" + System.nanoTime();
        as(rider).body(form("王猜码", phone, fresh)).post("/api/t/" + T + "/riders/registration").then().statusCode(200)
                .body("status", equalTo("active"));
        assertThat(boundTo(id)).isEqualTo(rider);
    }

    @Test
    void aCodeWorksOnlyInItsOwnTownship() {
        String other = "reg-t2";
        TestTenants.onboard(other, 131.5, 32.5);
        String phone = phone();
        long here = imported(T, "王本镇", phone);
        long there = imported(other, "王外镇", phone);
        String code = bindingCode(T, here);
        // the other township's admin cannot make or see codes for this township's rider
        admin(other).post("/api/t/" + other + "/riders/" + here + "/binding-code").then().statusCode(404);
        as("reg-cross-" + System.nanoTime()).body(form("王外镇", phone, code)).post("/api/t/" + other + "/riders/registration")
                .then().statusCode(400).body("errors.field", hasItem("bindingCode"));
        assertThat(boundTo(there)).isEqualTo("-");
        assertThat(boundTo(here)).isEqualTo("-");
    }

    @Test
    void aPendingClaimIsBoundByACodeEnteredLater() {
        String phone = phone();
        long id = imported(T, "王后补", phone);
        String subject = "reg-later-" + System.nanoTime();
        long claim = ((Number) as(subject).body(form("王后补", phone)).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(201).body("status", equalTo("pending")).extract().path("id")).longValue();
        String code = bindingCode(T, id);
        as(subject).body(form("王后补", phone, code)).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(200).body("id", equalTo((int) id)).body("status", equalTo("active"));
        assertThat(Db.count("select count(*) from rider where id = " + claim)).isZero();
        as(subject).get("/api/t/" + T + "/riders/registration").then().statusCode(200).body("id", equalTo((int) id));
        holdsRiderRole(subject, true);
    }

    @Test
    void theAdminApprovesAClaimAndTheOtherClaimsEnd() {
        String phone = phone();
        long id = imported(T, "王审批", phone);
        String real = "reg-real-" + System.nanoTime();
        String other = "reg-other-" + System.nanoTime();
        long claim = ((Number) as(real).body(form("王审批", phone)).post("/api/t/" + T + "/riders/registration").then()
                .statusCode(201).extract().path("id")).longValue();
        long otherClaim = ((Number) as(other).body(form("王其他", phone)).post("/api/t/" + T + "/riders/registration")
                .then().statusCode(201).extract().path("id")).longValue();
        as(TestTenants.member(T, "dispatcher")).post("/api/t/" + T + "/riders/" + claim + "/approve").then().statusCode(403);
        admin(T).post("/api/t/" + T + "/riders/" + claim + "/approve").then().statusCode(200)
                .body("id", equalTo((int) id)).body("name", equalTo("王审批")).body("status", equalTo("active"))
                .body("registered", equalTo(true));
        holdsRiderRole(real, true);
        holdsRiderRole(other, false);
        assertThat(bindProof(id)).isEqualTo("approval");
        as(other).get("/api/t/" + T + "/riders/registration").then().statusCode(200).body("status", equalTo("left"));
        admin(T).post("/api/t/" + T + "/riders/" + otherClaim + "/approve").then().statusCode(409);
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
