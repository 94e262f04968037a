package cn.fengxing.region;

import cn.fengxing.region.service.TownshipFigureRefresher;
import cn.fengxing.support.Db;
import cn.fengxing.support.Photos;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who sees which region: viewers at province, city and county level see their region and everything under it,
 * nothing beside or above it; no region endpoint returns a person's or a report's name, phone or description; the
 * exports read back equal the table.
 */
@QuarkusTest
class RegionScopeTest {

    static final String PROVINCE = "范围省";
    static final String OTHER = "邻省";
    static final Map<String, List<String>> TOWNSHIPS = Map.of(
            "scope-a", List.of(PROVINCE, "一市", "甲县"),
            "scope-b", List.of(PROVINCE, "一市", "乙县"),
            "scope-c", List.of(PROVINCE, "二市", "丙县"),
            "scope-d", List.of(OTHER, "三市"));
    static final Map<String, String> VIEWERS = Map.of(
            "scope-province", PROVINCE, "scope-city", PROVINCE + "/一市", "scope-county", PROVINCE + "/一市/甲县");
    static final String SECRET_NAME = "欧阳保密";
    static final String SECRET_PHONE = "13877770001";
    static final String SECRET_TEXT = "只有本镇能看到的描述";

    @Inject
    TownshipFigureRefresher refresher;

    @BeforeEach
    void regions() {
        double lon = 100;
        for (var t : new java.util.TreeMap<>(TOWNSHIPS).entrySet()) {
            Map<String, Object> m = new HashMap<>(TestTenants.manifest(t.getKey(), lon, 30.0));
            m.put("region", t.getValue());
            m.put("settings", Map.of("map", Map.of("center", List.of(lon, 30.0), "zoom", 14)));
            m.put("riders", List.of(Map.of("name", SECRET_NAME, "phone", SECRET_PHONE, "platform", "meituan",
                    "depot", "城区站", "subject", TestTenants.member(t.getKey(), "rider"))));
            given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                    .body(new ObjectMapper().valueToTree(m).toString()).put("/api/platform/tenants/" + t.getKey())
                    .then().statusCode(200);
            lon += 1;
        }
        VIEWERS.forEach((subject, path) -> given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "regionPath", path, "role", "region_viewer"))
                .put("/api/platform/region-grants").then().statusCode(200));
        if (Db.count("select count(*) from report where tenant_id = 'scope-a'") == 0) {
            Reports.as(TestTenants.member("scope-a", "rider")).header("Idempotency-Key", "scope-secret-1")
                    .multiPart("category", "garbage").multiPart("description", SECRET_TEXT)
                    .multiPart("lon", "100").multiPart("lat", "30")
                    .multiPart("photos", "scene.jpg", Photos.jpegWithGps(800, 600, 100, 30), "image/jpeg")
                    .post("/api/t/scope-a/reports").then().statusCode(201);
        }
        refresher.refreshPending();
    }

    @Test
    void eachViewerSeesTheirRegionAndEverythingUnderItOnly() {
        Map<String, List<String>> sees = Map.of(
                "scope-province", List.of("scope-a", "scope-b", "scope-c"),
                "scope-city", List.of("scope-a", "scope-b"),
                "scope-county", List.of("scope-a"));
        for (var viewer : VIEWERS.entrySet()) {
            String token = Tokens.of(viewer.getKey());
            JsonPath tree = given().auth().oauth2(token).get("/api/regions").then().statusCode(200).extract().jsonPath();
            assertThat(tree.getList("roots.path")).containsExactly(viewer.getValue());
            List<String> codes = comparison(token, viewer.getValue()).then().statusCode(200).extract().jsonPath()
                    .getList("rows.code");
            assertThat(codes).as(viewer.getKey()).containsExactlyInAnyOrderElementsOf(sees.get(viewer.getKey()));
            // beside, above and elsewhere: refused, on every region endpoint
            for (String outside : List.of(OTHER, OTHER + "/三市", PROVINCE + "/二市", PROVINCE + "/一市/乙县", PROVINCE)) {
                if (outside.equals(viewer.getValue()) || outside.startsWith(viewer.getValue() + "/")) {
                    continue;
                }
                comparison(token, outside).then().statusCode(403).contentType("application/problem+json");
                given().auth().oauth2(token).queryParam("region", outside).queryParam("figure", "reports")
                        .get("/api/regions/trend").then().statusCode(403);
                given().auth().oauth2(token).queryParam("region", outside).get("/api/regions/comparison.xlsx")
                        .then().statusCode(403);
            }
            // a region under the grant that does not exist
            comparison(token, viewer.getValue() + "/无此县").then().statusCode(404);
        }
        // the tree of a province viewer goes down to its townships, with their map centres
        JsonPath tree = given().auth().oauth2(Tokens.of("scope-province")).get("/api/regions").then().extract().jsonPath();
        assertThat(tree.getList("roots[0].children.name")).containsExactly("一市", "二市");
        String county = "roots[0].children.find { it.name == '一市' }.children.find { it.name == '甲县' }";
        assertThat(tree.getList(county + ".townships.code")).containsExactly("scope-a");
        assertThat(tree.getDouble(county + ".townships[0].lon")).isEqualTo(100.0);
    }

    @Test
    void membersOfTownshipsAndStrangersGetNoRegion() {
        for (String subject : List.of(TestTenants.admin("scope-a"), TestTenants.member("scope-a", "rider"), "nobody")) {
            given().auth().oauth2(Tokens.of(subject)).get("/api/regions").then().statusCode(403);
            comparison(Tokens.of(subject), PROVINCE).then().statusCode(403);
        }
        given().queryParam("region", PROVINCE).get("/api/regions/comparison").then().statusCode(401);
        given().auth().oauth2("forged.token.value").get("/api/regions").then().statusCode(401);
        // the platform operator sees everywhere
        assertThat(comparison(Tokens.of(Tokens.OPERATOR), OTHER).then().statusCode(200).extract().jsonPath()
                .getList("rows.code")).containsExactly("scope-d");
    }

    @Test
    void noRegionResponseCarriesAPersonOrAReport() {
        String token = Tokens.of("scope-province");
        List<String> bodies = new ArrayList<>();
        bodies.add(given().auth().oauth2(token).get("/api/regions").asString());
        bodies.add(given().auth().oauth2(token).get("/api/regions/figures").asString());
        bodies.add(comparison(token, PROVINCE).asString());
        bodies.add(given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("figure", "riders.enrolled")
                .get("/api/regions/trend").asString());
        bodies.add(new String(given().auth().oauth2(token).queryParam("region", PROVINCE)
                .get("/api/regions/comparison.csv").asByteArray(), StandardCharsets.UTF_8));
        bodies.add(given().auth().oauth2(Tokens.of(TestTenants.admin("scope-a"))).get("/api/t/scope-a/figures/standing")
                .asString());
        for (String body : bodies) {
            assertThat(body).doesNotContain(SECRET_NAME, SECRET_PHONE, SECRET_TEXT, "欧阳");
        }
        // and yet the figures count them
        Map<String, Object> a = ComparisonJson.values(comparison(token, PROVINCE).jsonPath(), "scope-a");
        assertThat(((Number) a.get("riders.enrolled")).intValue()).isEqualTo(1);
        assertThat(((Number) a.get("reports")).intValue()).isEqualTo(1);
        // as the operator's township list shows them
        JsonPath listed = given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).queryParam("size", 200).get("/api/platform/tenants")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getDouble("items.find { it.code == 'scope-a' }.ridersEnrolled")).isEqualTo(1.0);
        assertThat(listed.getDouble("items.find { it.code == 'scope-a' }.reports")).isEqualTo(1.0);
        assertThat(listed.getDouble("items.find { it.code == 'scope-a' }.ridersActive")).isEqualTo(1.0);
    }

    @Test
    void aTownshipAdminSeesItsRankInCountyCityAndProvince() {
        JsonPath standing = given().auth().oauth2(Tokens.of(TestTenants.admin("scope-a"))).get("/api/t/scope-a/figures/standing")
                .then().statusCode(200).extract().jsonPath();
        assertThat(standing.getList("levels.name")).containsExactly("甲县", "一市", PROVINCE);
        assertThat(standing.getList("levels.townships")).containsExactly(1, 2, 3);
        // the only township with a report leads every level in reports
        assertThat(standing.getList("levels.ranks.reports")).containsExactly(1, 1, 1);
        assertThat(standing.getDouble("own.values.reports")).isEqualTo(1.0);
        // another township's standing, and bad parameters
        given().auth().oauth2(Tokens.of(TestTenants.admin("scope-a"))).get("/api/t/scope-b/figures/standing")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of(TestTenants.admin("scope-a"))).queryParam("period", "2026-13")
                .get("/api/t/scope-a/figures/standing").then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(Tokens.of(TestTenants.admin("scope-a"))).queryParam("figure", "nope")
                .get("/api/t/scope-a/figures/trend").then().statusCode(400).body("errors[0].field", equalTo("figure"));
        given().auth().oauth2(Tokens.of(TestTenants.admin("scope-a"))).queryParam("figure", "reports")
                .queryParam("months", 0).get("/api/t/scope-a/figures/trend").then().statusCode(400)
                .body("errors[0].field", equalTo("months"));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        String token = Tokens.of("scope-province");
        given().auth().oauth2(token).get("/api/regions/comparison").then().statusCode(400)
                .body("errors[0].field", equalTo("region"));
        for (String bad : List.of("2026-Q5", "26", "2026-00", "1999", "2026\u0000")) {
            given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("period", bad)
                    .get("/api/regions/comparison").then().statusCode(400);
        }
        given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("period", "2026-Q5")
                .get("/api/regions/comparison").then().body("errors[0].field", equalTo("period"));
        given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("figure", "reports").queryParam("to", "2026-1")
                .get("/api/regions/trend").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("figures", "reports,nope")
                .get("/api/regions/comparison.csv").then().statusCode(400).body("errors[0].field", equalTo("figures"));
        given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("sort", "reports").queryParam("order", "up")
                .get("/api/regions/comparison.xlsx").then().statusCode(400).body("errors[0].field", equalTo("order"));
        given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("months", "many").queryParam("figure", "reports")
                .get("/api/regions/trend").then().statusCode(400).body("errors[0].field", equalTo("months"));
    }

    @Test
    void theExportsReadBackEqualTheTable() throws Exception {
        String token = Tokens.of("scope-province");
        List<String> figures = List.of("reports", "riders.enrolled", "reports.closureRate", "stations.station");
        JsonPath table = comparison(token, PROVINCE).jsonPath();
        // (both readers skip the blank line between the title and the table)
        // shown sorted by reports, largest first, with the region row last
        List<List<String>> expected = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>(table.getList("rows"));
        rows.sort((x, y) -> Double.compare(value(table, y, "reports"), value(table, x, "reports")));
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>(List.of((String) r.get("name"), (String) r.get("regionPath")));
            figures.forEach(f -> cells.add(shown(f, ComparisonJson.values(table, r))));
            expected.add(cells);
        }
        Map<String, Object> regionRow = ComparisonJson.values(table, table.getMap("regionRow"));
        List<String> last = new ArrayList<>(List.of(PROVINCE + "（合计或中位数）", ""));
        figures.forEach(f -> last.add(shown(f, regionRow)));
        expected.add(last);

        Response xlsx = given().auth().oauth2(token).queryParam("region", PROVINCE).queryParam("figures", String.join(",", figures))
                .queryParam("sort", "reports").queryParam("order", "desc").get("/api/regions/comparison.xlsx");
        xlsx.then().statusCode(200).header("Content-Disposition", containsString("attachment"));
        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCell(i) == null ? "" : row.getCell(i).getText());
                }
                sheet.add(cells);
            }
        }
        assertThat(sheet.get(0).get(0)).isEqualTo("区域对比：" + PROVINCE);
        assertThat(sheet.get(1).get(0)).startsWith("期间：");
        assertThat(sheet.get(2).get(0)).startsWith("生成时间：");
        assertThat(sheet.get(3)).containsExactly("乡镇/街道", "所属区域", "上报", "在册骑手", "办结率 (%)", "驿站");
        assertThat(normalise(sheet.subList(4, sheet.size()))).isEqualTo(normalise(expected));

        byte[] csvBytes = given().auth().oauth2(token).queryParam("region", PROVINCE)
                .queryParam("figures", String.join(",", figures)).queryParam("sort", "reports").queryParam("order", "desc")
                .get("/api/regions/comparison.csv").then().statusCode(200).extract().asByteArray();
        assertThat(csvBytes[0]).isEqualTo((byte) 0xEF);
        List<List<String>> csv = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(new String(csvBytes, 3, csvBytes.length - 3,
                StandardCharsets.UTF_8)))) {
            csv.add(r.toList());
        }
        assertThat(csv.subList(0, 4)).isEqualTo(sheet.subList(0, 4));
        assertThat(normalise(csv.subList(4, csv.size()))).isEqualTo(normalise(expected));
    }

    private static Response comparison(String token, String region) {
        return given().auth().oauth2(token).queryParam("region", region).get("/api/regions/comparison");
    }

    private static double value(JsonPath table, Map<String, Object> row, String key) {
        Object v = ComparisonJson.values(table, row).get(key);
        return v == null ? -1 : ((Number) v).doubleValue();
    }

    /** As the table shows it: a share as a percentage to one decimal, a count whole. */
    private static String shown(String figure, Map<String, Object> values) {
        Object v = values.get(figure);
        if (v == null) {
            return "";
        }
        double d = ((Number) v).doubleValue();
        return figure.endsWith("Rate") ? BigDecimal.valueOf(d * 100).setScale(1, RoundingMode.HALF_UP).toPlainString()
                : Long.toString(Math.round(d));
    }

    /** Cells as text, numbers without trailing zeros' differences between the two formats. */
    private static List<List<String>> normalise(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(c -> c.matches("-?[0-9]+(\\.[0-9]+)?")
                ? new BigDecimal(c).stripTrailingZeros().toPlainString() : c).toList()).toList();
    }
}
