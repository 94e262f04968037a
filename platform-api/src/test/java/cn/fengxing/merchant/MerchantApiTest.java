package cn.fengxing.merchant;

import cn.fengxing.support.Db;
import cn.fengxing.support.Scanning;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import cn.fengxing.tenancy.service.TenantKeys;
import cn.fengxing.tenancy.service.TenantWork;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Partner merchants 骑手友好商家: profile, E-station link, nearby list, discount confirmation by scanning. */
@QuarkusTest
class MerchantApiTest {

    static final String A = "mc-a";
    static final String B = "mc-b";
    static final double LON = 113.0;
    static final double LAT = 31.0;
    static final String KEEPER = TestTenants.member(A, "station_keeper");

    @Inject
    TenantWork work;

    @Inject
    TenantKeys keys;

    @BeforeEach
    void townships() {
        TestTenants.onboard(A, LON, LAT);
        TestTenants.onboard(B, 114.0, LAT);
        Scanning.clear(A, B);
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin(String tenant) {
        return as(TestTenants.admin(tenant));
    }

    static Map<String, Object> merchant(String code, double dLat) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "商户 " + code);
        m.put("category", "food");
        m.put("address", "人民路 8 号");
        m.put("lon", LON);
        m.put("lat", LAT + dLat);
        m.put("discount", "骑手凭码9折");
        m.put("badge", "awarded");
        m.put("contactName", "王老板");
        m.put("phone", "13912345678");
        m.put("keeper", KEEPER);
        return m;
    }

    static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(m);
        copy.put(key, value);
        return copy;
    }

    static long create(String tenant, Map<String, Object> merchant) {
        return admin(tenant).body(merchant).post("/api/t/" + tenant + "/merchants").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static long station(String tenant, String code, String kind) {
        Map<String, Object> s = new HashMap<>(Map.of("code", code, "name", "E站 " + code, "kind", kind, "lon", LON,
                "lat", LAT, "hours", Map.of("open24h", true)));
        if (kind.equals("station")) {
            s.put("grade", "C");
        }
        return admin(tenant).body(s).post("/api/t/" + tenant + "/stations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void createReadUpdateDeleteAMerchantLinkedToItsEStation() {
        long estation = station(A, "e1", "e_station");
        station(A, "s1", "station");
        long id = create(A, with(merchant("m1", 0), "station", "e1"));
        admin(A).get("/api/t/" + A + "/merchants/" + id).then().statusCode(200)
                .body("stationId", equalTo((int) estation)).body("station", equalTo("e1"))
                .body("discount", equalTo("骑手凭码9折")).body("badge", equalTo("awarded")).body("discountUses", equalTo(0))
                .body("keeper", equalTo(KEEPER)).body("keeperName", equalTo(A + " station_keeper"));
        admin(A).body(merchant("m1", 0)).post("/api/t/" + A + "/merchants").then().statusCode(409);

        // only an E-station can be linked; the keeper must be a station keeper of the township
        admin(A).body(with(merchant("m2", 0), "station", "s1")).post("/api/t/" + A + "/merchants").then().statusCode(400)
                .body("errors.field", hasItem("station"));
        admin(A).body(with(merchant("m2", 0), "keeper", TestTenants.member(A, "rider"))).post("/api/t/" + A + "/merchants")
                .then().statusCode(400).body("errors.field", hasItem("keeper"));
        admin(A).body(with(merchant("m2", 0), "category", "casino")).post("/api/t/" + A + "/merchants").then().statusCode(400);
        admin(A).body(with(merchant("m2", 0), "lat", 95)).post("/api/t/" + A + "/merchants").then().statusCode(400)
                .body("errors.field", hasItem("lat"));
        assertThat(Db.count("select count(*) from merchant where tenant_id = '" + A + "'")).isEqualTo(1);

        // the linked E-station stays while the link does
        admin(A).delete("/api/t/" + A + "/stations/" + estation).then().statusCode(409);
        admin(A).body(with(merchant("m1", 0), "badge", "revoked")).put("/api/t/" + A + "/merchants/" + id)
                .then().statusCode(200).body("badge", equalTo("revoked")).body("stationId", equalTo(null));
        admin(A).delete("/api/t/" + A + "/stations/" + estation).then().statusCode(204);
        admin(A).queryParam("badge", "revoked").get("/api/t/" + A + "/merchants").then().body("items.code", contains("m1"));
        admin(A).queryParam("category", "pharmacy").get("/api/t/" + A + "/merchants").then().body("items", hasSize(0));
        admin(A).delete("/api/t/" + A + "/merchants/" + id).then().statusCode(204);
        admin(A).get("/api/t/" + A + "/merchants/" + id).then().statusCode(404);
    }

    @Test
    void ridersSeeNearbyMerchantsNearestFirstWithoutRevokedOnes() {
        create(A, merchant("far", 0.01));
        create(A, merchant("near", 0.002));
        create(A, with(merchant("revoked", 0.001), "badge", "revoked"));
        create(B, with(merchant("other", 0), "keeper", null));
        JsonPath near = as(TestTenants.member(A, "rider")).queryParam("lon", LON).queryParam("lat", LAT)
                .get("/api/t/" + A + "/merchants/nearby").then().statusCode(200).extract().jsonPath();
        assertThat(near.getList("merchant.code")).containsExactly("near", "far");
        assertThat(near.getLong("[0].distanceMetres")).isBetween(215L, 230L);
        as(TestTenants.member(A, "rider")).queryParam("lon", LON).queryParam("lat", LAT).queryParam("limit", 0)
                .get("/api/t/" + A + "/merchants/nearby").then().statusCode(400);
    }

    @Test
    void theMerchantConfirmsADiscountByScanningTheRidersCodeOnce() {
        long m1 = create(A, merchant("m1", 0));
        long m2 = create(A, with(merchant("m2", 0.001), "keeper", null));
        String code = Scanning.riderCode(A);
        long use = as(KEEPER).body(Map.of("riderCode", code, "note", "午餐")).post("/api/t/" + A + "/merchants/" + m1 + "/discount-uses")
                .then().statusCode(201).body("rider.phone", equalTo("138****0001")).body("note", equalTo("午餐"))
                .body("by", equalTo(KEEPER)).extract().jsonPath().getLong("id");
        as(KEEPER).body(Map.of("riderCode", code)).post("/api/t/" + A + "/merchants/" + m1 + "/discount-uses")
                .then().statusCode(200).body("id", equalTo((int) use));

        // another merchant's keeper, a rider, a foreign or expired code: refused
        as(KEEPER).body(Map.of("riderCode", code)).post("/api/t/" + A + "/merchants/" + m2 + "/discount-uses").then().statusCode(403);
        as(TestTenants.member(A, "rider")).body(Map.of("riderCode", code)).post("/api/t/" + A + "/merchants/" + m1 + "/discount-uses")
                .then().statusCode(403);
        for (String bad : List.of(Scanning.riderCode(B), Scanning.expiredRiderCode(work, keys, A))) {
            admin(A).body(Map.of("riderCode", bad)).post("/api/t/" + A + "/merchants/" + m2 + "/discount-uses").then().statusCode(400);
        }
        admin(A).body(Map.of("riderCode", code)).post("/api/t/" + A + "/merchants/" + m2 + "/discount-uses").then().statusCode(201);

        admin(A).get("/api/t/" + A + "/merchants").then()
                .body("items.find { it.code == 'm1' }.discountUses", equalTo(1))
                .body("items.find { it.code == 'm2' }.discountUses", equalTo(1));
        as(KEEPER).get("/api/t/" + A + "/merchants/" + m1 + "/stats").then().statusCode(200)
                .body("total", equalTo(1)).body("riders", equalTo(1)).body("days", hasSize(1));
        as(KEEPER).get("/api/t/" + A + "/merchants/" + m2 + "/stats").then().statusCode(403);
        admin(A).delete("/api/t/" + A + "/merchants/" + m1).then().statusCode(409);
        assertThat(Db.count("select count(*) from merchant_discount_use where tenant_id = '" + A + "'")).isEqualTo(2);
    }

    @Test
    void bsMerchantsThroughAsPathAreNotFound() {
        long bm = create(B, with(merchant("bm", 0), "keeper", null));
        String path = "/api/t/" + A + "/merchants/" + bm;
        admin(A).get(path).then().statusCode(404);
        admin(A).body(merchant("stolen", 0)).put(path).then().statusCode(404);
        admin(A).body(Map.of("riderCode", Scanning.riderCode(A))).post(path + "/discount-uses").then().statusCode(404);
        admin(A).get(path + "/stats").then().statusCode(404);
        admin(A).delete(path).then().statusCode(404);
        admin(B).get("/api/t/" + B + "/merchants/" + bm).then().statusCode(200).body("code", equalTo("bm"));
        assertThat(Db.count("select count(*) from merchant_discount_use")).isZero();
    }

    @Test
    void manifestMerchantsAreAddedByCodeAndReapplyChangesNothing() {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(B, 114.0, LAT));
        manifest.put("stations", List.of(Map.of("code", "be1", "name", "E站", "kind", "e_station", "lon", 114.0,
                "lat", LAT, "hours", Map.of("open24h", true))));
        manifest.put("merchants", List.of(with(with(merchant("bm1", 0), "station", "be1"), "keeper",
                TestTenants.member(B, "station_keeper"))));
        assertThat(apply(B, manifest).getList("changes", String.class)).contains("+ station be1", "+ merchant bm1");
        assertThat(apply(B, manifest).getList("changes")).isEmpty();
        manifest.put("merchants", List.of(with(merchant("bm1", 0), "keeper", null)));
        assertThat(apply(B, manifest).getList("changes", String.class)).containsExactly("~ merchant bm1");
        admin(B).get("/api/t/" + B + "/merchants").then().body("items[0].stationId", equalTo(null));
    }

    private static JsonPath apply(String code, Map<String, Object> manifest) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(200).extract().jsonPath();
    }
}
