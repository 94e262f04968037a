package cn.fengxing.open311;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Open311 GeoReport v2 per township, driven as a client following the spec would: discovery, services and
 * service definitions in XML and JSON, a form-encoded POST like the spec's example, the requests list with its
 * filters and limits, one request, a token; keys issued and revoked by the township's admin; errors in the
 * spec's format.
 */
@QuarkusTest
class Open311Test {

    static final String A = "o3-a";
    static final String B = "o3-b";
    static final double LON = 114.5;
    static final double LAT = 26.5;
    static final String BASE = "/api/t/" + A + "/open311/v2";

    static String keyA;

    @BeforeEach
    void townships() {
        TestTenants.onboard(A, LON, LAT);
        TestTenants.onboard(B, LON + 1, LAT);
        if (keyA == null) {
            keyA = issue(A, "12345 市民热线");
        }
    }

    static String issue(String tenant, String name) {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(tenant))).contentType(ContentType.JSON)
                .body(Map.of("name", name)).post("/api/t/" + tenant + "/open311/keys")
                .then().statusCode(201).extract().jsonPath().getString("secret");
    }

    static RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    /** A request with the spec example's fields, encoded as a browser or curl would (spaces as +, @ as %40). */
    static String exampleBody(String key, String serviceCode, double lon, double lat) {
        return "api_key=" + enc(key) + "&jurisdiction_id=" + A + "&service_code=" + serviceCode
                + "&lat=" + lat + "&long=" + lon + "&address_string=" + enc("宁乡镇城北路 12 号")
                + "&email=" + enc("smit222@example.org") + "&device_id=tt222111&account_id=123456"
                + "&first_name=" + enc("三") + "&last_name=" + enc("张") + "&phone=111111111"
                + "&description=" + enc("A large sinkhole is destroying the street 路面塌陷")
                + "&media_url=" + enc("http://www.example.org/media/123.jpg") + "&attribute[urgent]=true";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long post(String serviceCode) {
        return form().body("api_key=" + enc(keyA) + "&service_code=" + serviceCode + "&lat=" + LAT + "&long=" + LON
                        + "&description=" + enc("路灯不亮"))
                .post(BASE + "/requests.json").then().statusCode(201).extract().jsonPath().getLong("[0].service_request_id");
    }

    @Test
    void discoveryNamesTheEndpointItsFormatsAndHowToGetAKey() {
        given().accept("application/json, text/plain").get(BASE + "/discovery.json").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].url", containsString("/api/t/" + A + "/open311/v2"))
                .body("endpoints[0].type", equalTo("production"))
                .body("endpoints[0].formats", contains("application/json", "text/xml"))
                .body("changeset", notNullValue())
                .body("key_service", containsString("Open311"));
        // the extension decides the format, whatever the client's Accept says
        String xml = given().accept("application/xml").get(BASE + "/discovery.xml").then().statusCode(200)
                .contentType(startsWith("text/xml")).extract().asString();
        assertThat(xml).startsWith("<?xml version='1.0' encoding='UTF-8'?>");
        XmlPath doc = new XmlPath(xml);
        assertThat(doc.getString("discovery.endpoints.endpoint.formats.format[1]")).isEqualTo("text/xml");
        assertThat(doc.getString("discovery.contact")).contains(A);
    }

    @Test
    void servicesAreTheTownshipsCategoriesInXmlAndJson() {
        // GET services.xml?jurisdiction_id=…, as in the spec
        XmlPath services = new XmlPath(given().queryParam("jurisdiction_id", A).get(BASE + "/services.xml")
                .then().statusCode(200).contentType(startsWith("text/xml")).extract().asString());
        assertThat(services.getList("services.service.service_code")).contains("road-damage", "gas-leak", "fire");
        assertThat(services.getString("services.service.find { it.service_code == 'road-damage' }.service_name"))
                .isEqualTo("道路破损");
        assertThat(services.getString("services.service.find { it.service_code == 'road-damage' }.group"))
                .isEqualTo("市政设施");
        assertThat(services.getString("services.service.find { it.service_code == 'road-damage' }.metadata"))
                .isEqualTo("true");
        assertThat(services.getString("services.service.find { it.service_code == 'fire' }.description"))
                .isEqualTo("请立即拨打 119");
        assertThat(services.getString("services.service.find { it.service_code == 'fire' }.type")).isEqualTo("realtime");

        given().header("Accept-Language", "en").get(BASE + "/services.json").then().statusCode(200)
                .body("find { it.service_code == 'road-damage' }.service_name", equalTo("Road damage"))
                .body("find { it.service_code == 'road-damage' }.description", equalTo("Municipal facilities › Road damage"))
                .body("find { it.service_code == 'gas-leak' }.metadata", equalTo(false))
                .body("find { it.service_code == 'road-damage' }.keywords", equalTo("道路破损, Road damage"));
    }

    @Test
    void serviceDefinitionsListTheUrgentAttributeOrNothing() {
        XmlPath definition = new XmlPath(given().queryParam("jurisdiction_id", A).get(BASE + "/services/road-damage.xml")
                .then().statusCode(200).extract().asString());
        assertThat(definition.getString("service_definition.service_code")).isEqualTo("road-damage");
        assertThat(definition.getString("service_definition.attributes.attribute.code")).isEqualTo("urgent");
        assertThat(definition.getString("service_definition.attributes.attribute.datatype")).isEqualTo("singlevaluelist");
        assertThat(definition.getList("service_definition.attributes.attribute.values.value.key")).containsExactly("true", "false");
        // urgent by itself: a valid, empty definition
        given().get(BASE + "/services/gas-leak.json").then().statusCode(200)
                .body("service_code", equalTo("gas-leak")).body("attributes", empty());
        assertThat(given().get(BASE + "/services/gas-leak.xml").then().statusCode(200).extract().asString())
                .contains("<attributes/>");
    }

    @Test
    void aFormEncodedRequestLikeTheSpecsExampleBecomesAReportInTheDispatchersQueue() {
        String body = given().contentType("application/x-www-form-urlencoded")
                .body(exampleBody(keyA, "road-damage", LON + 0.001, LAT + 0.001))
                .post(BASE + "/requests.xml").then().statusCode(201).contentType(startsWith("text/xml"))
                .extract().asString();
        XmlPath receipt = new XmlPath(body);
        long id = Long.parseLong(receipt.getString("service_requests.request.service_request_id"));
        String token = receipt.getString("service_requests.request.token");
        assertThat(receipt.getString("service_requests.request.service_notice")).isNotBlank();
        assertThat(body).contains("<account_id/>");

        // placed, urgent by the attribute, on the SLA clock, filed by the key's holder
        assertThat(Db.strings("select source || '|' || state || '|' || urgent || '|' || reporter_name || '|' || media_url"
                + " || '|' || (grid_id is not null) || '|' || coalesce(reporter_subject, '-') from report where id = " + id))
                .containsExactly("open311|submitted|true|张三|http://www.example.org/media/123.jpg|true|-");
        assertThat(Db.count("select extract(epoch from dispatch_due - created_at)::bigint from report where id = " + id))
                .isEqualTo(600);
        // filed by the key's holder and, being urgent, escalated to the tenant admin at once by the platform
        assertThat(Db.strings("select action || '|' || coalesce(actor_name, actor) from report_event"
                + " where report_id = " + id + " order by id"))
                .containsExactly("submit|12345 市民热线", "escalate_dispatch|system");
        // nothing else of the requester is kept
        assertThat(Db.count("select count(*) from report r join report_event e on e.report_id = r.id where r.id = " + id
                + " and (r::text || e::text) ~ '(smit222|111111111|tt222111|123456)'")).isZero();

        given().auth().oauth2(Tokens.of(TestTenants.member(A, "dispatcher"))).get("/api/t/" + A + "/dispatch/queue")
                .then().statusCode(200).body("items.id", hasItem((int) id));
        given().auth().oauth2(Tokens.of(TestTenants.member(A, "dispatcher"))).get("/api/t/" + A + "/reports/" + id)
                .then().statusCode(200).body("source", equalTo("open311")).body("reporterName", equalTo("张三"))
                .body("token", equalTo(token)).body("photos", empty());

        // GET tokens/{token}.json gives the id back
        given().get(BASE + "/tokens/" + token + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo((int) id)).body("[0].token", equalTo(token));
    }

    @Test
    void aRequestWithoutDescriptionIsNamedByItsServiceAndAnswersInJson() {
        JsonPath receipt = form().body("api_key=" + enc(keyA) + "&service_code=street-light&lat=" + LAT + "&long=" + LON
                        + "&first_name=Jane&last_name=Doe")
                .post(BASE + "/requests.json").then().statusCode(201).contentType(startsWith("application/json"))
                .extract().jsonPath();
        long id = receipt.getLong("[0].service_request_id");
        assertThat(receipt.getString("[0].token")).isNotBlank();
        assertThat(Db.strings("select description || '|' || reporter_name || '|' || urgent from report where id = " + id))
                .containsExactly("路灯|Jane Doe|false");
    }

    @Test
    void badKeysAreRefusedWithA403InTheSpecsErrorFormat() {
        String base = "service_code=road-damage&lat=" + LAT + "&long=" + LON;
        form().body(base).post(BASE + "/requests.json").then().statusCode(403)
                .contentType(startsWith("application/json"))
                .body("[0].code", equalTo(403)).body("[0].description", containsString("api_key"));
        form().body("api_key=o311_not-a-key&" + base).post(BASE + "/requests.xml").then().statusCode(403)
                .contentType(startsWith("text/xml")).body("errors.error.code", equalTo("403"));
        // a key of another township
        String keyB = issue(B, "B 的热线");
        form().body("api_key=" + enc(keyB) + "&" + base).post(BASE + "/requests.json").then().statusCode(403)
                .body("[0].code", equalTo(403));
        // … which works in its own township
        form().body("api_key=" + enc(keyB) + "&service_code=road-damage&lat=" + LAT + "&long=" + (LON + 1))
                .post("/api/t/" + B + "/open311/v2/requests.json").then().statusCode(201);
        // a revoked key
        String revoked = issue(A, "旧系统");
        long keyId = given().auth().oauth2(Tokens.of(TestTenants.admin(A))).get("/api/t/" + A + "/open311/keys")
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.name == '旧系统' }.id");
        form().body("api_key=" + enc(revoked) + "&" + base).post(BASE + "/requests.json").then().statusCode(201);
        given().auth().oauth2(Tokens.of(TestTenants.admin(A))).post("/api/t/" + A + "/open311/keys/" + keyId + "/revoke")
                .then().statusCode(200).body("revokedAt", notNullValue());
        form().body("api_key=" + enc(revoked) + "&" + base).post(BASE + "/requests.json").then().statusCode(403);
    }

    @Test
    void aJurisdictionOtherThanThePathsIsNotFound() {
        given().queryParam("jurisdiction_id", B).get(BASE + "/services.json").then().statusCode(404)
                .body("[0].code", equalTo(404)).body("[0].description", containsString(B));
        form().body("jurisdiction_id=" + B + "&api_key=" + enc(keyA) + "&service_code=road-damage&lat=" + LAT + "&long=" + LON)
                .post(BASE + "/requests.xml").then().statusCode(404).body("errors.error.code", equalTo("404"));
        given().queryParam("jurisdiction_id", A).get(BASE + "/requests.json").then().statusCode(200);
        // an unknown township is a 404 in the same format, as is a format the API does not serve
        given().get("/api/t/no-such-town/open311/v2/services.xml").then().statusCode(404)
                .contentType(startsWith("text/xml")).body("errors.error.code", equalTo("404"));
        given().get(BASE + "/services.txt").then().statusCode(404).contentType(startsWith("text/xml"));
    }

    @Test
    void badServiceCodesAndParametersAreNamedOneErrorEach() {
        given().get(BASE + "/services/no-such-service.json").then().statusCode(404)
                .body("[0].description", containsString("no-such-service"));
        given().get(BASE + "/services/no-such-service.xml").then().statusCode(404)
                .body("errors.error.code", equalTo("404"));
        String key = "api_key=" + enc(keyA);
        form().body(key + "&service_code=no-such-service&lat=1&long=1").post(BASE + "/requests.json")
                .then().statusCode(404);
        form().body(key + "&lat=1&long=1").post(BASE + "/requests.json").then().statusCode(400)
                .body("[0].description", startsWith("service_code: "));
        form().header("Accept-Language", "en").body(key + "&service_code=road-damage&address_string=" + enc("城北路 12 号"))
                .post(BASE + "/requests.json").then().statusCode(400)
                .body("code", contains(400, 400))
                .body("description", contains(startsWith("lat: lat and long are required"),
                        startsWith("long: lat and long are required")));
        Response bad = form().header("Accept-Language", "en")
                .body(key + "&service_code=road-damage&lat=north&long=200&media_url=javascript:alert(1)"
                        + "&attribute[urgent]=maybe&attribute[colour]=red")
                .post(BASE + "/requests.json");
        bad.then().statusCode(400);
        assertThat(bad.jsonPath().getList("description", String.class)).containsExactlyInAnyOrder(
                "lat: north is not a number between -90 and 90.",
                "long: 200 is not a number between -180 and 180.",
                "media_url: Not an http or https link of at most 1,000 characters.",
                "attribute[urgent]: maybe is not one of the attribute's keys (true, false).",
                "attribute[colour]: Service road-damage has no attribute colour.");
        // a service urgent by itself takes no attributes
        form().body(key + "&service_code=gas-leak&lat=" + LAT + "&long=" + LON + "&attribute[urgent]=false")
                .post(BASE + "/requests.json").then().statusCode(400).body("[0].description", startsWith("attribute[urgent]: "));
        // the spec's 4000 characters of description, and a malformed escape
        form().body(key + "&service_code=road-damage&lat=" + LAT + "&long=" + LON + "&description=" + enc("坑".repeat(4000)))
                .post(BASE + "/requests.json").then().statusCode(201);
        form().body(key + "&service_code=road-damage&lat=" + LAT + "&long=" + LON + "&description=" + enc("坑".repeat(4001)))
                .post(BASE + "/requests.json").then().statusCode(400).body("[0].description", startsWith("description: "));
        form().body(key + "&service_code=road-damage&lat=" + LAT + "&long=" + LON + "&description=50%")
                .post(BASE + "/requests.json").then().statusCode(400).body("[0].code", equalTo(400));
        // not form-encoded
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/requests.json").then().statusCode(415)
                .body("[0].code", equalTo(415));
    }

    @Test
    void requestsListShowsStatusNotesAgencyAndNoPersonalData() {
        long id = post("street-light");
        Response listed = given().get(BASE + "/requests.json");
        listed.then().statusCode(200);
        Map<String, Object> request = listed.jsonPath().getMap("find { it.service_request_id == " + id + " }");
        assertThat(request.keySet()).containsExactly("service_request_id", "status", "status_notes", "service_name",
                "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
                "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
        assertThat(request).containsEntry("status", "open").containsEntry("service_code", "street-light")
                .containsEntry("service_name", "路灯").containsEntry("description", "路灯不亮");
        assertThat((String) request.get("status_notes")).isNotBlank();
        assertThat(request.get("agency_responsible")).isNull();
        assertThat((String) request.get("requested_datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(OffsetDateTime.parse((String) request.get("expected_datetime")))
                .isAfter(OffsetDateTime.parse((String) request.get("requested_datetime")).plusHours(71));

        // dispatched to the grid worker: the agency is named, the notes follow the step
        given().auth().oauth2(Tokens.of(TestTenants.member(A, "dispatcher"))).contentType(ContentType.JSON)
                .body(Map.of("kind", "handler", "subject", TestTenants.member(A, "handler")))
                .post("/api/t/" + A + "/dispatch/reports/" + id + "/dispatch").then().statusCode(200);
        XmlPath one = new XmlPath(given().get(BASE + "/requests/" + id + ".xml").then().statusCode(200).extract().asString());
        assertThat(one.getString("service_requests.request.agency_responsible")).isEqualTo(A + " handler");
        assertThat(one.getString("service_requests.request.status")).isEqualTo("open");
        assertThat(one.getString("service_requests.request.long")).isEqualTo(String.valueOf(LON));

        // rejected: closed
        long rejected = post("garbage");
        given().auth().oauth2(Tokens.of(TestTenants.member(A, "dispatcher"))).contentType(ContentType.JSON)
                .body(Map.of("reason", "不属于本镇管辖")).post("/api/t/" + A + "/dispatch/reports/" + rejected + "/reject")
                .then().statusCode(200);
        given().get(BASE + "/requests/" + rejected + ".json").then().statusCode(200)
                .body("[0].status", equalTo("closed")).body("[0].status_notes", containsString("不属于本镇管辖"));
        given().get(BASE + "/requests/999999999.xml").then().statusCode(404).body("errors.error.code", equalTo("404"));
        given().get(BASE + "/tokens/00000000-0000-4000-8000-000000000000.json").then().statusCode(404);
    }

    @Test
    void requestsAreFilteredAsTheSpecSays() {
        long light = post("street-light");
        long garbage = post("garbage");
        given().auth().oauth2(Tokens.of(TestTenants.member(A, "dispatcher"))).contentType(ContentType.JSON)
                .body(Map.of("reason", "重复上报")).post("/api/t/" + A + "/dispatch/reports/" + garbage + "/reject")
                .then().statusCode(200);

        // service_request_id wins over every other filter
        given().queryParam("service_request_id", light + "," + garbage).queryParam("status", "open")
                .get(BASE + "/requests.json").then().statusCode(200)
                .body("service_request_id", contains((int) garbage, (int) light));
        given().queryParam("service_code", "garbage").get(BASE + "/requests.json").then().statusCode(200)
                .body("service_code", not(hasItem("street-light"))).body("service_request_id", hasItem((int) garbage));
        given().queryParam("status", "closed").get(BASE + "/requests.json").then().statusCode(200)
                .body("status", not(hasItem("open"))).body("service_request_id", hasItem((int) garbage));
        given().queryParam("status", "open,closed").queryParam("service_code", "garbage,street-light")
                .get(BASE + "/requests.json").then().statusCode(200)
                .body("service_request_id", hasItems((int) garbage, (int) light));

        // start_date/end_date as in the spec's example: W3C datetimes
        // end a minute ahead: whole seconds would cut off a request filed earlier in this same second
        String now = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String dayAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS).toString();
        XmlPath recent = new XmlPath(given().queryParam("start_date", dayAgo).queryParam("end_date", now)
                .queryParam("status", "open").get(BASE + "/requests.xml").then().statusCode(200).extract().asString());
        assertThat(recent.getList("service_requests.request.service_request_id")).contains(String.valueOf(light))
                .doesNotContain(String.valueOf(garbage));
        given().queryParam("start_date", "2010-05-24T00:00:00Z").queryParam("end_date", "2010-06-24T00:00:00Z")
                .get(BASE + "/requests.xml").then().statusCode(200)
                .body("service_requests.request.size()", equalTo(0));
        // a date alone, and an offset whose '+' was not encoded
        given().queryParam("start_date", OffsetDateTime.now().plusDays(2).toLocalDate().toString())
                .get(BASE + "/requests.json").then().statusCode(200).body("$", hasSize(0));
        given().urlEncodingEnabled(false).get(BASE + "/requests.json?end_date=2010-06-24T08:00:00+08:00")
                .then().statusCode(200).body("$", hasSize(0));

        given().queryParam("start_date", "2024-01-01T00:00:00Z").queryParam("end_date", "2024-06-01T00:00:00Z")
                .header("Accept-Language", "en").get(BASE + "/requests.json").then().statusCode(400)
                .body("[0].description", equalTo("end_date: start_date and end_date may be at most 90 days apart."));
        given().queryParam("start_date", "2024-02-01T00:00:00Z").queryParam("end_date", "2024-01-01T00:00:00Z")
                .get(BASE + "/requests.json").then().statusCode(400);
        given().queryParam("status", "pending").get(BASE + "/requests.xml").then().statusCode(400)
                .body("errors.error.description", startsWith("status: "));
        given().queryParam("start_date", "yesterday").get(BASE + "/requests.json").then().statusCode(400);
        given().queryParam("service_request_id", "12,abc").get(BASE + "/requests.json").then().statusCode(400);
        given().queryParam("service_request_id", ",").get(BASE + "/requests.json").then().statusCode(400);
        given().queryParam("service_code", "no-such-service").get(BASE + "/requests.json").then().statusCode(400);
    }

    @Test
    void requestsDefaultToTheLast90DaysAndReturnAtMost1000NewestFirst() {
        String t = "o3-many";
        TestTenants.onboard(t, LON + 2, LAT);
        String category = Db.strings("select id from report_category where tenant_id = '" + t + "' and code = 'garbage'").get(0);
        // 1005 reports in the last 90 days and 5 older ones, written directly (superuser: no RLS in the way)
        Db.strings("insert into report (tenant_id, category_id, description, lon, lat, state, source, dispatch_due,"
                + " resolve_due, created_at, updated_at) select '" + t + "', " + category + ", '垃圾堆放 ' || n, " + (LON + 2)
                + ", " + LAT + ", 'submitted', 'app', now(), now(), now() - n * interval '1 hour', now()"
                + " from generate_series(1, 1005) n union all select '" + t + "', " + category + ", '旧报告', " + (LON + 2)
                + ", " + LAT + ", 'closed_fixed', 'app', now(), now(), now() - interval '100 days' - n * interval '1 day', now()"
                + " from generate_series(1, 5) n returning id");
        JsonPath all = given().get("/api/t/" + t + "/open311/v2/requests.json").then().statusCode(200).extract().jsonPath();
        List<String> descriptions = all.getList("description", String.class);
        assertThat(descriptions).hasSize(1000).doesNotContain("旧报告");
        assertThat(descriptions.get(0)).isEqualTo("垃圾堆放 1");
        assertThat(descriptions.get(999)).isEqualTo("垃圾堆放 1000");
        // the older ones, asked for by range
        String end = OffsetDateTime.now(ZoneOffset.UTC).minusDays(95).truncatedTo(ChronoUnit.SECONDS).toString();
        given().queryParam("end_date", end).get("/api/t/" + t + "/open311/v2/requests.json").then().statusCode(200)
                .body("description", hasSize(5)).body("status", everyItem(equalTo("closed")));
    }

    @Test
    void keysAreIssuedOnceListedWithoutTheirSecretAndAudited() {
        String admin = Tokens.of(TestTenants.admin(A));
        JsonPath issued = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "城市 App"))
                .post("/api/t/" + A + "/open311/keys").then().statusCode(201).extract().jsonPath();
        String secret = issued.getString("secret");
        long id = issued.getLong("key.id");
        assertThat(secret).startsWith("o311_").hasSize(5 + 43);
        assertThat(issued.getString("key.prefix")).isEqualTo(secret.substring(0, 11));
        assertThat(issued.getString("key.createdBy")).isEqualTo(A + " tenant_admin");

        String listed = given().auth().oauth2(admin).get("/api/t/" + A + "/open311/keys").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.name", equalTo("城市 App"))
                .body("items.find { it.id == " + id + " }.revokedAt", nullValue())
                .extract().asString();
        assertThat(listed).doesNotContain(secret);
        assertThat(Db.strings("select secret_hash from open311_key where id = " + id).get(0))
                .hasSize(64).isNotEqualTo(secret);

        given().auth().oauth2(admin).post("/api/t/" + A + "/open311/keys/" + id + "/revoke").then().statusCode(200)
                .body("revokedBy", equalTo(A + " tenant_admin"));
        String revokedAt = Db.strings("select revoked_at from open311_key where id = " + id).get(0);
        given().auth().oauth2(admin).post("/api/t/" + A + "/open311/keys/" + id + "/revoke").then().statusCode(200);
        assertThat(Db.strings("select revoked_at from open311_key where id = " + id).get(0)).isEqualTo(revokedAt);
        assertThat(Db.strings("select action from audit_log where tenant_code = '" + A + "' and target = '"
                + secret.substring(0, 11) + "' order by id")).containsExactly("open311.key.create", "open311.key.revoke");

        // another township's admin sees none of A's keys, and cannot revoke them
        given().auth().oauth2(Tokens.of(TestTenants.admin(B))).get("/api/t/" + B + "/open311/keys").then()
                .statusCode(200).body("items.id", not(hasItem((int) id)));
        given().auth().oauth2(Tokens.of(TestTenants.admin(B))).post("/api/t/" + B + "/open311/keys/" + id + "/revoke")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/api/t/" + A + "/open311/keys").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRequestOutsideEveryGridOfTheTownshipIsRefusedSinceNoSystemCanConfirmThePlace() {
        long before = Db.count("select count(*) from report where tenant_id = '" + A + "'");
        form().header("Accept-Language", "en")
                .body("api_key=" + enc(keyA) + "&service_code=road-damage&lat=39.9&long=116.4")
                .post(BASE + "/requests.json").then().statusCode(422).contentType(startsWith("application/json"))
                .body("code", contains(422))
                .body("description", contains(startsWith("lat/long lie outside every grid of this township")));
        form().body("api_key=" + enc(keyA) + "&service_code=road-damage&lat=39.9&long=116.4")
                .post(BASE + "/requests.xml").then().statusCode(422).contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("422"));
        assertThat(Db.count("select count(*) from report where tenant_id = '" + A + "'")).isEqualTo(before);
    }
}
