package cn.fengxing.common;

import cn.fengxing.support.Db;
import cn.fengxing.support.Photos;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What an attacker (or a broken client) sends: NUL characters, garbage tokens, broken multipart, lenient parsing,
 * bidi controls and invisible text. Each is a 4xx problem naming what is wrong, and nothing changes.
 */
@QuarkusTest
class HostileInputTest {

    static final String T = "hostile";
    static final double LON = 140.0;
    static final double LAT = 35.0;
    static final String NUL = "a\u0000b";

    @BeforeEach
    void township() {
        TestTenants.onboard(T, LON, LAT);
    }

    private static RequestSpecification as(String role) {
        String subject = role.equals("admin") ? TestTenants.admin(T) : TestTenants.member(T, role);
        return given().auth().oauth2(Tokens.of(subject));
    }

    /** A problem+json answer of the given status naming the field. */
    private static ValidatableResponse names(ValidatableResponse r, int status, String field) {
        return r.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    /** An Open311 error list (the spec's format on those paths) whose description names the parameter. */
    private static void open311Names(ValidatableResponse r, String parameter) {
        r.statusCode(400).contentType(ContentType.JSON)
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString(parameter));
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rider's report with this description and one photo. */
    private static RequestSpecification report(String description) {
        return Reports.as(TestTenants.member(T, "rider")).header("Idempotency-Key", UUID.randomUUID().toString())
                .multiPart("category", "street-light")
                .multiPart(new MultiPartSpecBuilder(description).controlName("description").charset(StandardCharsets.UTF_8)
                        .build())
                .multiPart("lon", String.valueOf(LON)).multiPart("lat", String.valueOf(LAT))
                .multiPart("photos", "scene.jpg", Photos.jpegWithGps(800, 600, LON, LAT), "image/jpeg");
    }

    private static long count(String table) {
        return Db.count("select count(*) from " + table + " where tenant_id = '" + T + "'");
    }

    private static String base() {
        return "/api/t/" + T;
    }

    // ---- NUL characters --------------------------------------------------------------------------------------

    @Test
    void nulInQueryParametersIsRefusedNamingTheParameter() {
        names(as("admin").queryParam("actor", NUL).get(base() + "/audit").then(), 400, "actor");
        names(as("dispatcher").queryParam("category", NUL).get(base() + "/dispatch/queue").then(), 400, "category");
        names(as("admin").queryParam("q", NUL).get(base() + "/members").then(), 400, "q");
        names(as("admin").queryParam("q", NUL).get(base() + "/riders").then(), 400, "q");
        names(as("admin").queryParam("category", NUL).get(base() + "/report-settings/routing-rules").then(),
                400, "category");
        names(as("rider").queryParam("category", NUL).queryParam("lon", LON).queryParam("lat", LAT)
                .get(base() + "/reports/nearby").then(), 400, "category");
        open311Names(given().queryParam("service_code", NUL).get(base() + "/open311/v2/requests.json").then(),
                "service_code");
    }

    @Test
    void nulInPathSegmentsIsRefusedNamingTheParameter() {
        long tenants = Db.count("select count(*) from tenant");
        names(given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(TestTenants.manifest("nul", 141.0, 35.0)).put("/api/platform/tenants/a%00b").then(), 400, "code");
        assertThat(Db.count("select count(*) from tenant")).isEqualTo(tenants);
        open311Names(given().urlEncodingEnabled(false).get(base() + "/open311/v2/services/road%00.json").then(),
                "service_code");
    }

    @Test
    void nulInJsonBodiesIsRefusedNamingTheField() {
        long communities = count("community");
        names(as("admin").contentType(ContentType.JSON).body(Map.of("code", "c9", "name", NUL))
                .post(base() + "/communities").then(), 400, "name");
        Map<String, Object> manifest = new java.util.HashMap<>(TestTenants.manifest(T, LON, LAT));
        manifest.put("communities", List.of(Map.of("code", "c1", "name", "一社区"), Map.of("code", "c9", "name", NUL)));
        names(given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/" + T).then(), 400, "communities[1].name");
        assertThat(count("community")).isEqualTo(communities);
        long grids = count("grid");
        Map<String, Object> collection = Map.of("type", "FeatureCollection", "features", List.of(
                TestTenants.feature("g9", NUL, "c1", null, TestTenants.square(LON, LAT, 0.01), 10)));
        names(as("admin").contentType(ContentType.JSON).body(collection).post(base() + "/grids/import").then(),
                400, "features[0].properties.name");
        assertThat(count("grid")).isEqualTo(grids);
    }

    @Test
    void nulInMultipartFieldsAndImportedFilesIsRefusedNamingTheField() {
        long reports = count("report");
        names(Reports.submission(TestTenants.member(T, "rider"), UUID.randomUUID().toString(), "street-light", LON, LAT)
                .multiPart("address", NUL).post(base() + "/reports").then(), 400, "address");
        // a multipart form is read after the other request filters: its fields are checked too
        names(as("rider").header("Idempotency-Key", UUID.randomUUID().toString()).multiPart("category", NUL)
                .multiPart("description", "路灯不亮").multiPart("lon", String.valueOf(LON))
                .multiPart("lat", String.valueOf(LAT))
                .multiPart("photos", "scene.jpg", Photos.jpegWithGps(800, 600, LON, LAT), "image/jpeg")
                .post(base() + "/reports").then(), 400, "category");
        assertThat(count("report")).isEqualTo(reports);
        long riders = count("rider");
        names(as("admin").multiPart("file", "riders.csv",
                        ("姓名,手机号,平台,站点\n" + NUL + ",13600000001,美团,城东站\n").getBytes(StandardCharsets.UTF_8))
                .post(base() + "/riders/import").then(), 400, "rows[2].name");
        assertThat(count("rider")).isEqualTo(riders);
        open311Names(given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("api_key=x&service_code=street-light&lat=" + LAT + "&long=" + LON + "&description="
                        + URLEncoder.encode(NUL, StandardCharsets.UTF_8))
                .post(base() + "/open311/v2/requests.json").then(), "description");
        assertThat(count("report")).isEqualTo(reports);
    }

    // ---- bearer tokens ---------------------------------------------------------------------------------------

    @Test
    void garbageAuthorizationIsA401Problem() {
        String badSignature = Tokens.of(TestTenants.admin(T));
        badSignature = badSignature.substring(0, badSignature.lastIndexOf('.') + 1) + "AAAA";
        List<String> headers = List.of("Bearer ..", "Bearer", "Bearer ", "Bearer a.b.c", "Bearer " + badSignature,
                "Basic xyz", "Bearer \u0001\u0002");
        for (String header : headers) {
            for (String path : List.of(base() + "/grids", "/api/me", "/api/platform/tenants")) {
                given().header("Authorization", header).get(path).then()
                        .statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", notNullValue())
                        .body("type", equalTo("urn:fengxing:problem:unauthenticated"));
            }
        }
    }

    // ---- broken multipart ------------------------------------------------------------------------------------

    @Test
    void brokenMultipartIsA400Problem() {
        long reports = count("report");
        for (String contentType : List.of("multipart/form-data; boundary=XYZ", "multipart/form-data",
                "multipart/form-data; boundary=")) {
            as("rider").header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(contentType)
                    .body("--ABC\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n".getBytes(StandardCharsets.UTF_8))
                    .post(base() + "/reports").then()
                    .statusCode(400).contentType("application/problem+json");
            as("admin").contentType(contentType).body("garbage".getBytes(StandardCharsets.UTF_8))
                    .post(base() + "/riders/import").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        assertThat(count("report")).isEqualTo(reports);
    }

    // ---- lenient parsing -------------------------------------------------------------------------------------

    @Test
    void trailingGarbageAfterJsonIsMalformed() {
        long communities = count("community");
        as("admin").contentType(ContentType.JSON).body("{\"code\": \"c8\", \"name\": \"八社区\"} trailing")
                .post(base() + "/communities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:fengxing:problem:malformed-request"));
        as("admin").contentType(ContentType.JSON).body("{\"code\": \"c8\", \"name\": \"八社区\"}{}")
                .post(base() + "/communities").then().statusCode(400);
        assertThat(count("community")).isEqualTo(communities);
    }

    @Test
    void plainTextWhereJsonIsDeclaredIsUnsupported() {
        long communities = count("community");
        as("admin").contentType(ContentType.TEXT).body("{\"code\": \"c8\", \"name\": \"八社区\"}")
                .post(base() + "/communities").then()
                .statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:fengxing:problem:unsupported-media-type"));
        assertThat(count("community")).isEqualTo(communities);
        long grids = count("grid");
        as("admin").contentType(ContentType.TEXT).body(json(Map.of("type", "FeatureCollection", "features", List.of(
                        TestTenants.feature("g8", "八网格", "c1", null, TestTenants.square(LON, LAT, 0.01), 10)))))
                .post(base() + "/grids/import").then()
                .statusCode(415).contentType("application/problem+json");
        assertThat(count("grid")).isEqualTo(grids);
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.TEXT)
                .body(json(TestTenants.manifest("plain", 141.0, 36.0))).put("/api/platform/tenants/plain").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unreadableParametersNameTheParameter() {
        names(as("dispatcher").queryParam("urgent", "maybe").get(base() + "/dispatch/queue").then(), 400, "urgent");
        names(as("admin").queryParam("page", "abc").get(base() + "/grids").then(), 400, "page");
        names(as("rider").queryParam("lon", LON).queryParam("lat", "abc").get(base() + "/stations/nearby").then(),
                400, "lat");
        long reports = count("report");
        names(Reports.submission(TestTenants.member(T, "rider"), UUID.randomUUID().toString(), "street-light", LON, LAT)
                .multiPart("urgent", "maybe").post(base() + "/reports").then(), 400, "urgent");
        names(Reports.submission(TestTenants.member(T, "rider"), UUID.randomUUID().toString(), "street-light", LON, LAT)
                .multiPart("outsideConfirmed", "maybe").post(base() + "/reports").then(), 400, "outsideConfirmed");
        assertThat(count("report")).isEqualTo(reports);
    }

    @Test
    void tooLongUrisAndHeadersAreProblems() {
        given().get("/api/me?q=" + "x".repeat(6_000)).then()
                .statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
        given().header("X-Big", "x".repeat(20_000)).get("/api/me").then()
                .statusCode(431).contentType("application/problem+json").body("status", equalTo(431));
    }

    // ---- strings people read ---------------------------------------------------------------------------------

    @Test
    void bidiControlsAndInvisibleTextAreRefusedInFreeText() {
        long communities = count("community");
        names(as("admin").contentType(ContentType.JSON).body(Map.of("code", "c7", "name", "\u202Eabc"))
                .post(base() + "/communities").then(), 400, "name");
        names(as("admin").contentType(ContentType.JSON).body(Map.of("code", "c7", "name", "\u200B\u2060\uFEFF "))
                .post(base() + "/communities").then(), 400, "name");
        assertThat(count("community")).isEqualTo(communities);
        long reports = count("report");
        names(report("\u200B \u200D\u3000").post(base() + "/reports").then(), 400, "description");
        names(report("路灯\u2066不亮\u2069").post(base() + "/reports").then(), 400, "description");
        assertThat(count("report")).isEqualTo(reports);
        // a rider's name, whether they register themselves or the admin imports a roster
        long riders = count("rider");
        names(given().auth().oauth2(Tokens.of("bidi-registrant")).contentType(ContentType.JSON)
                .body(Map.of("name", "张\u202E三", "phone", "13600000991", "platform", "meituan"))
                .post(base() + "/riders/registration").then(), 400, "name");
        names(as("admin").multiPart("file", "riders.csv",
                        "姓名,手机号,平台,站点\n李四,13600000992,美团,\u200B\u200D\n".getBytes(StandardCharsets.UTF_8))
                .post(base() + "/riders/import").then(), 400, "rows[2].depot");
        assertThat(count("rider")).isEqualTo(riders);
        // plain Chinese and English text with ordinary spaces and line breaks stays fine
        as("admin").contentType(ContentType.JSON).body(Map.of("code", "c7", "name", "七社区 Seven\n"))
                .post(base() + "/communities").then().statusCode(201);
    }
}
