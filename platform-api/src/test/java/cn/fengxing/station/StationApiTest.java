package cn.fengxing.station;

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

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Rest stations 驿站: settings, CRUD with validation, nearest open stations, both check-in paths, usage. */
@QuarkusTest
class StationApiTest {

    static final String A = "st-a";
    static final String B = "st-b";
    static final double LON = 111.0;
    static final double LAT = 30.0;
    static final String KEEPER = TestTenants.member(A, "station_keeper");
    static final String OTHER_KEEPER = A + "-keeper2";
    static final Map<String, Object> OPEN_24H = Map.of("open24h", true);

    @Inject
    TenantWork work;

    @Inject
    TenantKeys keys;

    @BeforeEach
    void townships() {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(A, LON, LAT));
        List<Object> members = new ArrayList<>((List<?>) manifest.get("members"));
        members.add(Map.of("subject", OTHER_KEEPER, "name", "第二驿站", "roles", List.of("station_keeper")));
        manifest.put("members", members);
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + A).then().statusCode(200);
        TestTenants.onboard(B, 112.0, LAT);
        Scanning.clear(A, B);
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin(String tenant) {
        return as(TestTenants.admin(tenant));
    }

    static Map<String, Object> station(String code, double dLat, Object hours) {
        Map<String, Object> s = new HashMap<>();
        s.put("code", code);
        s.put("name", "驿站 " + code);
        s.put("kind", "station");
        s.put("grade", "B");
        s.put("address", "解放路 1 号");
        s.put("lon", LON);
        s.put("lat", LAT + dLat);
        s.put("community", "c1");
        s.put("amenities", List.of("water", Map.of("code", "meals", "price", 12.5)));
        s.put("services", List.of("haircut", "rest"));
        s.put("hours", hours);
        s.put("capacity", 12);
        s.put("keeper", KEEPER);
        s.put("phone", "0391-1234567");
        return s;
    }

    static long create(String tenant, Map<String, Object> station) {
        return admin(tenant).body(station).post("/api/t/" + tenant + "/stations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static Map<String, Object> with(Map<String, Object> station, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(station);
        copy.put(key, value);
        return copy;
    }

    // ---- settings

    @Test
    void aTownshipStartsWithDefaultSettingsAndItsAdminEditsThem() {
        JsonPath settings = as(TestTenants.member(A, "rider")).get("/api/t/" + A + "/station-settings")
                .then().statusCode(200).extract().jsonPath();
        assertThat(settings.getList("grades.code")).containsExactly("A", "B", "C");
        assertThat(settings.getList("amenities.code")).hasSize(14).contains("water", "meals", "shade");
        assertThat(settings.getList("amenities.findAll { it.priced }.code")).containsExactly("meals");
        assertThat(settings.getList("services.findAll { it.basic }")).hasSize(7);
        assertThat(settings.getString("amenities.find { it.code == 'ebike_charging' }.zh")).isEqualTo("电动车充电");

        List<Map<String, Object>> amenities = new ArrayList<>(settings.getList("amenities"));
        amenities.add(Map.of("code", "massage", "zh", "按摩椅", "en", "Massage chair", "priced", false));
        admin(A).body(amenities).put("/api/t/" + A + "/station-settings/amenities").then().statusCode(200)
                .body("amenities.code", hasItem("massage"));
        admin(A).body(List.of(Map.of("code", "A", "zh", "一类"), Map.of("code", "A", "zh", "重复")))
                .put("/api/t/" + A + "/station-settings/grades").then().statusCode(400)
                .body("errors.field", hasItem("grades[1].code"));
        admin(A).body(List.of(Map.of("code", "D", "zh", "四类")))
                .put("/api/t/" + A + "/station-settings/grades").then().statusCode(400);

        // an amenity, a grade or an extra service a station still uses cannot be removed
        create(A, with(station("s1", 0, OPEN_24H), "amenities", List.of(Map.of("code", "massage"))));
        admin(A).body(amenities.subList(0, 14)).put("/api/t/" + A + "/station-settings/amenities").then().statusCode(409);
        admin(A).body(List.of(Map.of("code", "A", "zh", "一类"))).put("/api/t/" + A + "/station-settings/grades")
                .then().statusCode(409);
        List<Map<String, Object>> services = settings.getList("services");
        admin(A).body(services.stream().filter(s -> !"haircut".equals(s.get("code"))).toList())
                .put("/api/t/" + A + "/station-settings/services").then().statusCode(409);
        admin(A).get("/api/t/" + A + "/station-settings").then().body("amenities.code", hasItem("massage"))
                .body("grades", hasSize(3));
        // B is untouched
        admin(B).get("/api/t/" + B + "/station-settings").then().body("amenities.code", org.hamcrest.Matchers.not(hasItem("massage")));
    }

    // ---- CRUD and validation

    @Test
    void createReadUpdateDeleteAStation() {
        long id = create(A, station("s1", 0, List.of(Map.of("days", List.of(1, 2, 3, 4, 5), "from", "08:00", "to", "20:00"))));
        admin(A).get("/api/t/" + A + "/stations/" + id).then().statusCode(200)
                .body("kind", equalTo("station")).body("grade", equalTo("B")).body("community", equalTo("c1"))
                .body("amenities.find { it.code == 'meals' }.price", equalTo(12.5f))
                .body("services", hasItems("rest", "drinking_water", "haircut")).body("services", hasSize(8))
                .body("hours[0].from", equalTo("08:00")).body("hours[0].days", contains(1, 2, 3, 4, 5))
                .body("keeper", equalTo(KEEPER)).body("keeperName", equalTo(A + " station_keeper"))
                .body("visits", equalTo(0)).body("active", equalTo(true));
        admin(A).body(station("s1", 0, OPEN_24H)).post("/api/t/" + A + "/stations").then().statusCode(409);

        Map<String, Object> estation = with(with(station("e1", 0.001, OPEN_24H), "kind", "e_station"), "grade", null);
        long e1 = create(A, estation);
        admin(A).body(with(station("s1", 0, OPEN_24H), "active", false)).put("/api/t/" + A + "/stations/" + id)
                .then().statusCode(200).body("active", equalTo(false)).body("hours.open24h", equalTo(true));
        admin(A).queryParam("kind", "e_station").get("/api/t/" + A + "/stations").then().statusCode(200)
                .body("items.code", contains("e1"));
        admin(A).queryParam("grade", "B").get("/api/t/" + A + "/stations").then().body("items.code", contains("s1"));
        long c2 = Db.count("select id from community where tenant_id = '" + A + "' and code = 'c2'");
        admin(A).queryParam("community", c2).get("/api/t/" + A + "/stations").then().body("items", hasSize(0));
        admin(A).delete("/api/t/" + A + "/stations/" + e1).then().statusCode(204);
        admin(A).get("/api/t/" + A + "/stations/" + e1).then().statusCode(404);
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + A + "' and action like 'station.%'"))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        Map<String, Object> good = station("s1", 0, OPEN_24H);
        List<Object[]> cases = List.of(
                new Object[] {with(good, "hours", List.of(Map.of("days", List.of(1, 8), "from", "08:00", "to", "20:00"))), "hours[0].days"},
                new Object[] {with(good, "hours", List.of(Map.of("days", List.of(1), "from", "8am", "to", "20:00"))), "hours[0]"},
                new Object[] {with(good, "hours", List.of(Map.of("days", List.of(1), "from", "08:00", "to", "08:00"))), "hours[0]"},
                new Object[] {with(good, "hours", Map.of("open24h", false)), "hours"},
                new Object[] {with(good, "hours", List.of()), "hours"},
                new Object[] {with(good, "amenities", List.of(Map.of("code", "sauna"))), "amenities[0].code"},
                new Object[] {with(good, "amenities", List.of(Map.of("code", "water", "price", 2))), "amenities[0].price"},
                new Object[] {with(good, "services", List.of("juggling")), "services[0]"},
                new Object[] {with(good, "lon", 181.0), "lon"},
                new Object[] {with(good, "lat", -90.5), "lat"},
                new Object[] {with(good, "grade", null), "grade"},
                new Object[] {with(good, "grade", "Z"), "grade"},
                new Object[] {with(good, "community", "nowhere"), "community"},
                new Object[] {with(good, "keeper", TestTenants.member(A, "dispatcher")), "keeper"},
                new Object[] {with(good, "keeper", TestTenants.member(B, "station_keeper")), "keeper"},
                new Object[] {with(good, "kind", "castle"), null});
        for (Object[] c : cases) {
            var response = admin(A).body(c[0]).post("/api/t/" + A + "/stations").then().statusCode(400);
            if (c[1] != null) {
                response.body("errors.field", hasItem((String) c[1]));
            }
        }
        assertThat(Db.count("select count(*) from station where tenant_id = '" + A + "'")).isZero();
    }

    // ---- nearest open stations

    @Test
    void nearbyListsActiveStationsNearestFirstWithOpenNow() {
        int today = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getDayOfWeek().getValue();
        int dayAfterTomorrow = (today + 1) % 7 + 1;
        create(A, station("near-closed", 0.001, List.of(Map.of("days", List.of(dayAfterTomorrow), "from", "00:00", "to", "24:00"))));
        create(A, station("mid-24h", 0.005, OPEN_24H));
        create(A, station("far-daily", 0.02, List.of(Map.of("days", List.of(1, 2, 3, 4, 5, 6, 7), "from", "00:00", "to", "24:00"))));
        create(A, with(station("closest-inactive", 0.0005, OPEN_24H), "active", false));
        create(B, with(station("other-township", 0, OPEN_24H), "keeper", null));

        String rider = TestTenants.member(A, "rider");
        JsonPath all = as(rider).queryParam("lon", LON).queryParam("lat", LAT).get("/api/t/" + A + "/stations/nearby")
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("station.code")).containsExactly("near-closed", "mid-24h", "far-daily");
        assertThat(all.getList("openNow")).containsExactly(false, true, true);
        assertThat(all.getLong("[0].distanceMetres")).isBetween(105L, 117L);
        assertThat(all.getLong("[2].distanceMetres")).isBetween(2200L, 2250L);

        as(rider).queryParam("lon", LON).queryParam("lat", LAT).queryParam("openNow", true)
                .get("/api/t/" + A + "/stations/nearby").then().statusCode(200)
                .body("station.code", contains("mid-24h", "far-daily"));
        as(rider).queryParam("lon", LON).queryParam("lat", LAT).queryParam("limit", 1)
                .get("/api/t/" + A + "/stations/nearby").then().statusCode(200).body("station.code", contains("near-closed"));
        as(rider).queryParam("lon", LON).queryParam("lat", LAT).queryParam("limit", 51)
                .get("/api/t/" + A + "/stations/nearby").then().statusCode(400);
        as(rider).queryParam("lon", LON).queryParam("lat", 91).get("/api/t/" + A + "/stations/nearby").then().statusCode(400);
        as(rider).queryParam("lon", LON).get("/api/t/" + A + "/stations/nearby").then().statusCode(400);
    }

    // ---- check-in both ways

    @Test
    void keeperScansTheRidersCodeOnceWithinTenMinutes() {
        long x = create(A, station("x", 0, OPEN_24H));
        long y = create(A, with(station("y", 0.001, OPEN_24H), "keeper", OTHER_KEEPER));
        String code = Scanning.riderCode(A);

        long visit = as(KEEPER).body(Map.of("riderCode", code)).post("/api/t/" + A + "/stations/" + x + "/visits")
                .then().statusCode(201).body("rider.name", equalTo(A + " 骑手")).body("rider.phone", equalTo("138****0001"))
                .body("method", equalTo("keeper_scan")).body("by", equalTo(KEEPER)).body("stationId", equalTo((int) x))
                .extract().jsonPath().getLong("id");
        // a retry (the keeper's phone lost the answer) returns the same visit
        as(KEEPER).body(Map.of("riderCode", code)).post("/api/t/" + A + "/stations/" + x + "/visits")
                .then().statusCode(200).body("id", equalTo((int) visit));
        assertThat(Db.count("select count(*) from station_visit where tenant_id = '" + A + "'")).isEqualTo(1);

        // the keeper of X cannot log visits at Y; Y's keeper and the admin can
        as(KEEPER).body(Map.of("riderCode", code)).post("/api/t/" + A + "/stations/" + y + "/visits").then().statusCode(403);
        as(OTHER_KEEPER).body(Map.of("riderCode", code)).post("/api/t/" + A + "/stations/" + y + "/visits").then().statusCode(201);
        // a rider cannot log a visit, not even their own
        as(TestTenants.member(A, "rider")).body(Map.of("riderCode", code)).post("/api/t/" + A + "/stations/" + x + "/visits")
                .then().statusCode(403);

        admin(A).get("/api/t/" + A + "/stations").then().body("items.find { it.code == 'x' }.visits", equalTo(1));
        assertThat(Db.count("select count(*) from station_visit where tenant_id = '" + A + "'")).isEqualTo(2);
    }

    @Test
    void simultaneousRetriesLogOneVisit() throws Exception {
        long x = create(A, station("x", 0, OPEN_24H));
        String code = Scanning.riderCode(A);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> as(KEEPER).body(Map.of("riderCode", code))
                        .post("/api/t/" + A + "/stations/" + x + "/visits").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
        assertThat(Db.count("select count(*) from station_visit where tenant_id = '" + A + "'")).isEqualTo(1);
    }

    @Test
    void firstReadsOfTheSettingsAtOnceMakeOneRow() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> admin(A).get("/api/t/" + A + "/station-settings").statusCode()));
            }
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Db.count("select count(*) from station_settings where tenant_id = '" + A + "'")).isEqualTo(1);
    }

    @Test
    void aForeignExpiredOrDamagedRiderCodeIsRefused() {
        long x = create(A, station("x", 0, OPEN_24H));
        for (String bad : List.of(Scanning.riderCode(B), Scanning.expiredRiderCode(work, keys, A), "not.a.code")) {
            as(KEEPER).body(Map.of("riderCode", bad)).post("/api/t/" + A + "/stations/" + x + "/visits")
                    .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("骑手码"));
        }
        as(KEEPER).body(Map.of("riderCode", "")).post("/api/t/" + A + "/stations/" + x + "/visits").then().statusCode(400);
        assertThat(Db.count("select count(*) from station_visit where tenant_id in ('" + A + "','" + B + "')")).isZero();
    }

    @Test
    void riderScansTheStationPosterCode() {
        long x = create(A, station("x", 0, OPEN_24H));
        long bStation = create(B, with(station("bx", 0, OPEN_24H), "keeper", TestTenants.member(B, "station_keeper")));
        String poster = as(KEEPER).get("/api/t/" + A + "/stations/" + x + "/poster-code").then().statusCode(200)
                .body("stationId", equalTo((int) x)).extract().path("code");
        as(OTHER_KEEPER).get("/api/t/" + A + "/stations/" + x + "/poster-code").then().statusCode(403);
        String rider = TestTenants.member(A, "rider");

        long visit = as(rider).body(Map.of("stationCode", poster)).post("/api/t/" + A + "/stations/check-in")
                .then().statusCode(201).body("method", equalTo("rider_scan")).body("by", equalTo(rider))
                .body("station", equalTo("驿站 x")).extract().jsonPath().getLong("id");
        as(rider).body(Map.of("stationCode", poster)).post("/api/t/" + A + "/stations/check-in")
                .then().statusCode(200).body("id", equalTo((int) visit));

        // B's poster, a rider code and garbage are not station codes of A
        String bPoster = admin(B).get("/api/t/" + B + "/stations/" + bStation + "/poster-code").then().statusCode(200)
                .extract().path("code");
        for (String bad : List.of(bPoster, Scanning.riderCode(A), "x.y.z")) {
            as(rider).body(Map.of("stationCode", bad)).post("/api/t/" + A + "/stations/check-in").then().statusCode(400);
        }
        // a deactivated station takes no check-ins
        admin(A).body(with(station("x", 0, OPEN_24H), "active", false)).put("/api/t/" + A + "/stations/" + x).then().statusCode(200);
        as(rider).body(Map.of("stationCode", poster)).post("/api/t/" + A + "/stations/check-in").then().statusCode(409);
        assertThat(Db.count("select count(*) from station_visit where tenant_id = '" + A + "'")).isEqualTo(1);
        assertThat(Db.count("select count(*) from station_visit where tenant_id = '" + B + "'")).isZero();
        // a station with visits is kept: deactivate instead
        admin(A).delete("/api/t/" + A + "/stations/" + x).then().statusCode(409);
    }

    @Test
    void usageStatsCountVisitsAndRidersPerDay() {
        long x = create(A, station("x", 0, OPEN_24H));
        long y = create(A, with(station("y", 0.001, OPEN_24H), "keeper", OTHER_KEEPER));
        as(KEEPER).body(Map.of("riderCode", Scanning.riderCode(A))).post("/api/t/" + A + "/stations/" + x + "/visits")
                .then().statusCode(201);
        String today = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        as(KEEPER).get("/api/t/" + A + "/stations/" + x + "/stats").then().statusCode(200)
                .body("total", equalTo(1)).body("riders", equalTo(1)).body("to", equalTo(today))
                .body("days.date", contains(today)).body("days[0].total", equalTo(1));
        admin(A).queryParam("from", "2020-01-01").queryParam("to", "2020-01-31")
                .get("/api/t/" + A + "/stations/" + x + "/stats").then().statusCode(200).body("total", equalTo(0))
                .body("days", hasSize(0));
        admin(A).queryParam("from", "2020-02-01").queryParam("to", "2020-01-01")
                .get("/api/t/" + A + "/stations/" + x + "/stats").then().statusCode(400);
        admin(A).queryParam("from", "2020-01-01").queryParam("to", "2022-01-01")
                .get("/api/t/" + A + "/stations/" + x + "/stats").then().statusCode(400);
        as(KEEPER).get("/api/t/" + A + "/stations/" + y + "/stats").then().statusCode(403);
    }

    // ---- isolation and manifest

    @Test
    void bsStationsThroughAsPathAreNotFoundAndUnchanged() {
        long bStation = create(B, with(station("bx", 0, OPEN_24H), "keeper", null));
        String path = "/api/t/" + A + "/stations/" + bStation;
        admin(A).get(path).then().statusCode(404);
        admin(A).body(with(station("stolen", 0, OPEN_24H), "keeper", null)).put(path).then().statusCode(404);
        admin(A).delete(path).then().statusCode(404);
        admin(A).get(path + "/poster-code").then().statusCode(404);
        admin(A).body(Map.of("riderCode", Scanning.riderCode(A))).post(path + "/visits").then().statusCode(404);
        admin(A).get("/api/t/" + A + "/stations").then().body("items", hasSize(0));
        admin(B).get("/api/t/" + B + "/stations/" + bStation).then().statusCode(200).body("code", equalTo("bx"));
    }

    @Test
    void manifestSectionsAddAndUpdateByCodeAndReapplyChangesNothing() {
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest(B, 112.0, LAT));
        manifest.put("stationSettings", Map.of("grades", List.of(
                Map.of("code", "A", "zh", "商圈驿站", "en", "Shopping street"),
                Map.of("code", "B", "zh", "社区驿站", "en", "Community centre"))));
        manifest.put("stations", List.of(
                with(with(station("m1", 0, OPEN_24H), "keeper", TestTenants.member(B, "station_keeper")), "grade", "A"),
                with(with(station("m2", 0.01, OPEN_24H), "keeper", null), "kind", "workers_home")));
        JsonPath first = apply(B, manifest);
        assertThat(first.getList("changes", String.class)).contains("~ stationSettings grades", "+ station m1", "+ station m2");
        assertThat(apply(B, manifest).getList("changes")).isEmpty();

        manifest.put("stations", List.of(with(with(station("m2", 0.01, OPEN_24H), "keeper", null), "name", "职工之家")));
        assertThat(apply(B, manifest).getList("changes", String.class)).containsExactly("~ station m2");
        admin(B).get("/api/t/" + B + "/stations").then().body("items.code", containsInAnyOrder("m1", "m2"))
                .body("items.find { it.code == 'm2' }.name", equalTo("职工之家"));
        admin(B).get("/api/t/" + B + "/station-settings").then().body("grades.code", contains("A", "B"));

        manifest.put("stations", List.of(with(station("m3", 0, "always"), "keeper", null)));
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + B).then().statusCode(400);
        assertThat(Db.count("select count(*) from station where tenant_id = '" + B + "'")).isEqualTo(2);
    }

    private static JsonPath apply(String code, Map<String, Object> manifest) {
        return given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + code).then().statusCode(200).extract().jsonPath();
    }
}
