package cn.fengxing.care;

import cn.fengxing.region.ComparisonJson;
import cn.fengxing.region.service.TownshipFigureRefresher;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Care services 关爱服务: records kept by the township's admins, personal data masked until an audited reveal, the
 * rider reading their own, spreadsheet import with the roster's protections, townships kept apart, and the
 * regional figures.
 */
@QuarkusTest
class CareApiTest {

    static final String A = "care-a";
    static final String B = "care-b";
    static final String RIDER = TestTenants.member(A, "rider");
    static final List<String> OTHERS = List.of(A + "-r1", A + "-r2");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    TownshipFigureRefresher refresher;

    @BeforeEach
    void townships() {
        TestTenants.onboardWithRiders(A, 121.0, 31.0, OTHERS);
        TestTenants.onboard(B, 122.0, 31.0);
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.execute("delete from care_record where tenant_id in ('" + A + "', '" + B + "')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin(String tenant) {
        return as(TestTenants.admin(tenant));
    }

    static long riderId(String tenant, String subject) {
        return Long.parseLong(Db.strings("select id from rider where tenant_id = '" + tenant + "' and subject = '"
                + subject + "'").get(0));
    }

    static Map<String, Object> insurance(long rider, LocalDate start, LocalDate end, String reference) {
        Map<String, Object> body = new HashMap<>(Map.of("riderId", rider, "kind", "insurance", "givenOn",
                start.toString(), "title", "大病医疗保险", "detail", "平安保险 骑手团体大病医疗", "amount", new BigDecimal("120.00"),
                "coverStart", start.toString(), "coverEnd", end.toString()));
        body.put("reference", reference);
        return body;
    }

    static Map<String, Object> service(long rider, String kind, LocalDate day, String title, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("riderId", rider, "kind", kind, "givenOn", day.toString(),
                "title", title));
        body.put("amount", amount == null ? null : new BigDecimal(amount));
        return body;
    }

    static long create(String tenant, Map<String, Object> body) {
        return admin(tenant).body(body).post("/api/t/" + tenant + "/care/records").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static long count(String tenant) {
        return Db.count("select count(*) from care_record where tenant_id = '" + tenant + "'");
    }

    static long audits(String action) {
        return Db.count("select count(*) from audit_log where tenant_code = '" + A + "' and action = '" + action + "'");
    }

    @Test
    void recordsAreMaskedInListsAndRevealedOnlyWithAnAudit() {
        long rider = riderId(A, RIDER);
        LocalDate today = LocalDate.now(ZONE);
        long policy = create(A, insurance(rider, today, today.plusYears(1).minusDays(1), "PA2026000123401"));
        long aid = create(A, service(rider, "hardship_aid", today, "困难帮扶", "2000"));
        admin(A).queryParam("kind", "insurance").get("/api/t/" + A + "/care/records").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) policy))
                .body("items[0].riderName", equalTo(A + " 骑手")).body("items[0].riderPhone", equalTo("138****0001"))
                .body("items[0].reference", equalTo("PA****01")).body("items[0].amount", nullValue())
                .body("items[0].hasAmount", equalTo(true)).body("items[0].masked", equalTo(true))
                .body("items[0].recordedByName", equalTo(A + " tenant_admin"))
                .body("items[0].coverEnd", equalTo(today.plusYears(1).minusDays(1).toString()));
        // who received hardship aid is masked down to the family name
        admin(A).get("/api/t/" + A + "/care/records/" + aid).then().statusCode(200)
                .body("riderName", equalTo("c" + "*".repeat(8))).body("amount", nullValue());
        long before = audits("care.reveal");
        admin(A).post("/api/t/" + A + "/care/records/" + aid + "/reveal").then().statusCode(200)
                .body("riderName", equalTo(A + " 骑手")).body("riderPhone", equalTo("13800000001"))
                .body("amount", equalTo(2000.0f)).body("masked", equalTo(false));
        admin(A).post("/api/t/" + A + "/care/records/" + policy + "/reveal").then().statusCode(200)
                .body("reference", equalTo("PA2026000123401"));
        assertThat(audits("care.reveal")).isEqualTo(before + 2);
        assertThat(Db.strings("select actor || ' ' || target from audit_log where tenant_code = '" + A
                + "' and action = 'care.reveal' order by id desc limit 1"))
                .containsExactly(TestTenants.admin(A) + " " + policy);
        // nobody but a tenant admin reveals or lists
        for (String role : List.of("dispatcher", "handler", "rider", "station_keeper")) {
            as(TestTenants.member(A, role)).post("/api/t/" + A + "/care/records/" + aid + "/reveal").then()
                    .statusCode(403);
            as(TestTenants.member(A, role)).get("/api/t/" + A + "/care/records").then().statusCode(403);
        }
        assertThat(audits("care.reveal")).isEqualTo(before + 2);
    }

    @Test
    void anAdminChangesAndDeletesARecordAndTheRiderReadsOnlyTheirOwn() {
        long rider = riderId(A, RIDER);
        long other = riderId(A, OTHERS.get(0));
        LocalDate day = LocalDate.now(ZONE).minusDays(3);
        long gift = create(A, service(rider, "gift", day, "防暑降温物品", null));
        create(A, service(other, "health_check", day, "健康体检", null));
        Map<String, Object> changed = service(rider, "gift", day, "春节慰问金", "500.50");
        changed.put("note", "街道主任走访");
        admin(A).body(changed).put("/api/t/" + A + "/care/records/" + gift).then().statusCode(200)
                .body("title", equalTo("春节慰问金")).body("note", equalTo("街道主任走访"));
        as(RIDER).get("/api/t/" + A + "/care/me").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].title", equalTo("春节慰问金")).body("items[0].amount", equalTo(500.5f))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("note")));
        as(OTHERS.get(1)).get("/api/t/" + A + "/care/me").then().statusCode(200).body("items", hasSize(0));
        admin(A).get("/api/t/" + A + "/care/me").then().statusCode(403);
        admin(A).delete("/api/t/" + A + "/care/records/" + gift).then().statusCode(204);
        admin(A).get("/api/t/" + A + "/care/records/" + gift).then().statusCode(404)
                .contentType("application/problem+json");
        admin(A).delete("/api/t/" + A + "/care/records/" + gift).then().statusCode(404);
        as(RIDER).get("/api/t/" + A + "/care/me").then().body("total", equalTo(0));
        assertThat(audits("care.delete")).isPositive();
    }

    @Test
    void listsFilterByKindAndMonthAndPageAndTotalsAddUp() {
        long rider = riderId(A, RIDER);
        long other = riderId(A, OTHERS.get(0));
        create(A, service(rider, "gift", LocalDate.of(2026, 7, 10), "防暑降温物品", null));
        create(A, service(other, "gift", LocalDate.of(2026, 7, 12), "防暑降温物品", null));
        create(A, service(rider, "gift", LocalDate.of(2026, 2, 10), "春节慰问金", "300"));
        create(A, service(other, "hardship_aid", LocalDate.of(2026, 7, 20), "困难帮扶", "1500.5"));
        admin(A).queryParam("month", "2026-07").queryParam("size", 2).get("/api/t/" + A + "/care/records").then()
                .statusCode(200).body("total", equalTo(3)).body("items", hasSize(2))
                .body("items.givenOn", contains("2026-07-20", "2026-07-12"));
        admin(A).queryParam("month", "2026-07").queryParam("kind", "gift").queryParam("page", 1).queryParam("size", 1)
                .get("/api/t/" + A + "/care/records").then().body("total", equalTo(2))
                .body("items.givenOn", contains("2026-07-10"));
        admin(A).queryParam("rider", rider).get("/api/t/" + A + "/care/records").then().body("total", equalTo(2));
        var totals = admin(A).get("/api/t/" + A + "/care/totals").then().statusCode(200).extract().jsonPath();
        assertThat(totals.getList("kind")).containsExactly("insurance", "hardship_aid", "gift", "health_check");
        assertThat(totals.getInt("find { it.kind == 'gift' }.records")).isEqualTo(3);
        assertThat(totals.getInt("find { it.kind == 'gift' }.riders")).isEqualTo(2);
        assertThat(totals.getDouble("find { it.kind == 'gift' }.amount")).isEqualTo(300.0);
        assertThat(totals.getDouble("find { it.kind == 'hardship_aid' }.amount")).isEqualTo(1500.5);
        admin(A).queryParam("month", "2026-02").get("/api/t/" + A + "/care/totals").then()
                .body("find { it.kind == 'gift' }.records", equalTo(1))
                .body("find { it.kind == 'hardship_aid' }.records", equalTo(0));
    }

    @Test
    void malformedInputIsRefusedAndNothingIsWritten() {
        long rider = riderId(A, RIDER);
        LocalDate day = LocalDate.of(2026, 6, 1);
        String path = "/api/t/" + A + "/care/records";
        Map<String, Object> noCover = service(rider, "insurance", day, "大病医疗保险", null);
        admin(A).body(noCover).post(path).then().statusCode(400).body("errors.field", contains("coverStart"));
        Map<String, Object> giftWithCover = service(rider, "gift", day, "书籍", null);
        giftWithCover.put("coverStart", "2026-06-01");
        giftWithCover.put("coverEnd", "2026-12-31");
        admin(A).body(giftWithCover).post(path).then().statusCode(400);
        admin(A).body(insurance(rider, day, day.minusDays(1), null)).post(path).then().statusCode(400)
                .body("errors.field", contains("coverEnd"));
        admin(A).body(insurance(rider, day, day, "保单 1")).post(path).then().statusCode(400);
        admin(A).body(service(rider, "gift", day, "书籍", "-1")).post(path).then().statusCode(400);
        admin(A).body(service(rider, "gift", day, "书籍", "1.234")).post(path).then().statusCode(400);
        admin(A).body(service(rider, "gift", day, "书\u0000籍", null)).post(path).then().statusCode(400);
        admin(A).body(service(rider, "gift", day, "书".repeat(101), null)).post(path).then().statusCode(400);
        admin(A).body(service(rider, "gift", day, "\u202E籍书", null)).post(path).then().statusCode(400);
        admin(A).body(service(rider, "visit", day, "书籍", null)).post(path).then().statusCode(400);
        admin(A).body(Map.of("riderId", rider, "kind", "gift", "givenOn", "2026-13-40", "title", "书籍")).post(path)
                .then().statusCode(400).contentType("application/problem+json");
        admin(A).body("{\"riderId\": \"x\"").post(path).then().statusCode(400);
        admin(A).body(service(999_999_999L, "gift", day, "书籍", null)).post(path).then().statusCode(404);
        admin(A).queryParam("month", "2026-13").get(path).then().statusCode(400);
        admin(A).queryParam("kind", "visit").get(path).then().statusCode(400);
        admin(A).queryParam("size", 10_000).get(path).then().statusCode(400);
        admin(A).get(path + "/abc").then().statusCode(400);
        assertThat(count(A)).isZero();
    }

    @Test
    void townshipsAreKeptApart() {
        long riderOfB = riderId(B, TestTenants.member(B, "rider"));
        long riderOfA = riderId(A, RIDER);
        LocalDate day = LocalDate.of(2026, 5, 1);
        long ofA = create(A, service(riderOfA, "hardship_aid", day, "困难帮扶", "800"));
        long ofB = create(B, service(riderOfB, "gift", day, "妇女节书籍", null));
        // a rider of another township cannot be given care here
        admin(A).body(service(riderOfB, "gift", day, "书籍", null)).post("/api/t/" + A + "/care/records").then()
                .statusCode(404);
        admin(B).get("/api/t/" + B + "/care/records").then().body("total", equalTo(1))
                .body("items[0].id", equalTo((int) ofB));
        for (String verb : List.of("get", "reveal", "put", "delete")) {
            var call = admin(B);
            String path = "/api/t/" + B + "/care/records/" + ofA;
            ValidatableResponse r = switch (verb) {
                case "get" -> call.get(path).then();
                case "reveal" -> call.post(path + "/reveal").then();
                case "put" -> call.body(service(riderOfB, "gift", day, "改", null)).put(path).then();
                default -> call.delete(path).then();
            };
            r.statusCode(404);
        }
        // A's admin calling B's township is not a member there
        admin(A).get("/api/t/" + B + "/care/records").then().statusCode(403);
        as(TestTenants.member(B, "rider")).get("/api/t/" + B + "/care/me").then().body("total", equalTo(1));
        assertThat(Db.strings("select title from care_record where id = " + ofA)).containsExactly("困难帮扶");
    }

    // ---- import ----------------------------------------------------------------------------------------------

    private static ValidatableResponse upload(String tenant, String name, byte[] content) {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(tenant))).multiPart("file", name, content)
                .post("/api/t/" + tenant + "/care/import").then();
    }

    private static ValidatableResponse csv(String text) {
        return upload(A, "care.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodCsvImportsItsRowsForTheRidersOfThisTownshipOnly() {
        csv("""
                手机号,类别,日期,事项,详情,金额,保障开始,保障结束,保单号,备注
                138 0000 0001,大病医疗保险,2026-03-01,大病医疗保险,美团骑手团体险,120,2026-03-01,2027-02-28,PA202603010001,
                13900000000,节日慰问,2026/7/15,防暑降温物品,"绿豆汤, 藿香正气水",,,,,
                +86 139 0000 0001,困难帮扶,2026年8月2日,困难帮扶,家中老人住院,"2,000.00",,,,街道主任签批
                """).statusCode(200).body("created", equalTo(3));
        assertThat(Db.strings("select r.phone || ' ' || c.kind || ' ' || c.given_on || ' ' || coalesce(c.amount::text, '-') "
                + "|| ' ' || coalesce(c.cover_end::text, '-') from care_record c join rider r on r.tenant_id = "
                + "c.tenant_id and r.id = c.rider_id where c.tenant_id = '" + A + "' order by c.given_on"))
                .containsExactly("13800000001 insurance 2026-03-01 120.00 2027-02-28",
                        "13900000000 gift 2026-07-15 - -", "13900000001 hardship_aid 2026-08-02 2000.00 -");
        assertThat(count(B)).isZero();
        assertThat(audits("care.import")).isPositive();
        // B has a rider with A's first phone: an import into B gives care to B's rider, never A's
        upload(B, "b.csv", "phone,kind,givenOn,title\n13800000001,gift,2026-07-15,书籍\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode(200).body("created", equalTo(1));
        assertThat(count(A)).isEqualTo(3);
        assertThat(count(B)).isEqualTo(1);
    }

    @Test
    void formulaCellsAreStoredAsText() throws IOException {
        csv("""
                phone,kind,givenOn,title,detail,note
                13800000001,gift,2026-03-08,=HYPERLINK("http://evil.example"),@SUM(A1),-2+3
                """).statusCode(200).body("created", equalTo(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "fengxing-test", "1.0");
        Worksheet sheet = book.newWorksheet("关爱");
        List<String> header = List.of("手机号", "类别", "日期", "事项", "详情", "金额");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, 13900000000L); // a phone typed into a number cell
        sheet.value(1, 1, "健康体检");
        sheet.value(1, 2, LocalDate.of(2026, 4, 20)); // a date cell
        sheet.value(1, 3, "健康体检");
        sheet.formula(1, 4, "HYPERLINK(\"http://evil.example\",\"体检报告\")");
        sheet.value(1, 5, 0);
        book.finish();
        upload(A, "care.xlsx", out.toByteArray()).statusCode(200).body("created", equalTo(1));
        assertThat(Db.strings("select given_on || ' ' || title || ' ' || detail || ' ' || coalesce(note, '-') "
                + "from care_record where tenant_id = '" + A + "' order by given_on")).containsExactly(
                "2026-03-08 '=HYPERLINK(\"http://evil.example\") '@SUM(A1) '-2+3",
                "2026-04-20 健康体检 '=HYPERLINK(\"http://evil.example\",\"体检报告\") -");
    }

    @Test
    void badRowsAreListedAndNothingIsImported() {
        csv("""
                手机号,类别,日期,事项,金额,保障开始,保障结束,保单号
                13800000001,节日慰问,2026-07-15,防暑降温物品,,,,
                13700000000,节日慰问,2026-07-15,防暑降温物品,,,,
                1380000,节日慰问,2026-07-15,防暑降温物品,,,,
                13800000001,探访,2026-07-15,走访,,,,
                13800000001,节日慰问,2026-02-30,春节慰问金,,,,
                13800000001,节日慰问,2026-02-10,,,,,
                13800000001,困难帮扶,2026-02-10,困难帮扶,-5,,,
                13800000001,保险,2026-02-10,大病医疗保险,,,,
                13800000001,保险,2026-02-10,大病医疗保险,,2026-02-10,2026-01-10,PA 1
                13800000001,健康体检,2026-02-10,体检,,2026-02-10,2026-03-10,
                """).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("rows[3].phone", "rows[4].phone", "rows[5].kind",
                        "rows[6].givenOn", "rows[7].title", "rows[8].amount", "rows[9].coverStart", "rows[10].coverEnd",
                        "rows[10].reference", "rows[11].coverStart")));
        assertThat(count(A)).isZero();
        csv("phone,title\n13800000001,书籍\n").statusCode(400)
                .body("errors.field", equalTo(List.of("columns.kind", "columns.givenOn")));
        csv("phone,kind,givenOn,title\n").statusCode(400);
        csv("phone,kind,givenOn,title\n13800000001,gift,2026-07-15,书\u0000籍\n").statusCode(400);
        assertThat(count(A)).isZero();
    }

    @Test
    void hugeBrokenOrMissingFilesAreRefused() {
        upload(A, "big.csv", new byte[5 * 1024 * 1024 + 1]).statusCode(400).contentType("application/problem+json");
        StringBuilder many = new StringBuilder("phone,kind,givenOn,title\n");
        for (int i = 0; i < 5_001; i++) {
            many.append("13800000001,gift,2026-07-15,书籍").append(i).append('\n');
        }
        csv(many.toString()).statusCode(400);
        upload(A, "broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}).statusCode(400)
                .contentType("application/problem+json");
        for (String contentType : List.of("multipart/form-data; boundary=XYZ", "multipart/form-data",
                "multipart/form-data; boundary=")) {
            admin(A).contentType(contentType).body("garbage".getBytes(StandardCharsets.UTF_8))
                    .post("/api/t/" + A + "/care/import").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.of(TestTenants.admin(A))).multiPart("other", "x.csv", new byte[] {'a'})
                .post("/api/t/" + A + "/care/import").then().statusCode(400);
        given().auth().oauth2(Tokens.of(TestTenants.member(A, "dispatcher")))
                .multiPart("file", "c.csv", "phone,kind,givenOn,title\n13800000001,gift,2026-07-15,书\n"
                        .getBytes(StandardCharsets.UTF_8)).post("/api/t/" + A + "/care/import").then().statusCode(403);
        assertThat(count(A)).isZero();
    }

    // ---- regional comparison ---------------------------------------------------------------------------------

    @Test
    void regionalComparisonCountsInsuredRidersAndServicesGiven() {
        long rider = riderId(A, RIDER);
        long r1 = riderId(A, OTHERS.get(0));
        long r2 = riderId(A, OTHERS.get(1));
        LocalDate today = LocalDate.now(ZONE);
        // covered today: two riders (one of them twice), a third whose cover ended long ago
        create(A, insurance(rider, today.minusDays(100), today.plusDays(265), null));
        create(A, insurance(rider, today, today.plusDays(30), null));
        create(A, insurance(r1, today, today.plusYears(1), null));
        create(A, insurance(r2, today.minusDays(500), today.minusDays(135), null));
        create(A, service(rider, "hardship_aid", today, "困难帮扶", "1000"));
        create(A, service(r1, "gift", today, "防暑降温物品", null));
        create(A, service(r2, "gift", today, "防暑降温物品", null));
        create(A, service(r2, "health_check", today, "健康体检", null));
        create(B, service(riderId(B, TestTenants.member(B, "rider")), "gift", today, "书籍", null));
        refresher.refreshPending();
        String viewer = A + "-viewer";
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("subject", viewer, "regionPath", "测试省/测试市/" + A + "县", "role", "region_viewer"))
                .put("/api/platform/region-grants").then().statusCode(200);
        var comparison = given().auth().oauth2(Tokens.of(viewer)).queryParam("region", "测试省/测试市/" + A + "县")
                .queryParam("period", YearMonth.now(ZONE).toString())
                .get("/api/regions/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(comparison.getList("figures.section")).contains("care");
        Map<String, Object> values = ComparisonJson.values(comparison, A);
        assertThat(((Number) values.get("care.insured")).intValue()).isEqualTo(2);
        assertThat(((Number) values.get("care.hardshipAid")).intValue()).isEqualTo(1);
        assertThat(((Number) values.get("care.gifts")).intValue()).isEqualTo(2);
        assertThat(((Number) values.get("care.healthChecks")).intValue()).isEqualTo(1);
        // the rider whose cover ended counted in the month it still ran
        YearMonth covered = YearMonth.from(today.minusDays(200));
        var earlier = given().auth().oauth2(Tokens.of(viewer)).queryParam("region", "测试省/测试市/" + A + "县")
                .queryParam("period", covered.toString()).get("/api/regions/comparison").then().statusCode(200)
                .extract().jsonPath();
        assertThat(((Number) ComparisonJson.values(earlier, A).get("care.insured")).intValue()).isEqualTo(1);
    }
}
