package cn.fengxing.rider;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Roster import: every row checked first, one bad row rejects the file, riders matched by phone. */
@QuarkusTest
class RiderImportTest {

    static final String T = "rimp";

    @BeforeEach
    void township() {
        TestTenants.onboard(T, 134.0, 32.0);
        given().auth().oauth2(Tokens.of(TestTenants.admin(T))).contentType(ContentType.JSON)
                .body(Map.of("name", "城东小分队")).post("/api/t/" + T + "/squads");
    }

    private static ValidatableResponse upload(String name, byte[] content) {
        return given().auth().oauth2(Tokens.of(TestTenants.admin(T))).multiPart("file", name, content)
                .post("/api/t/" + T + "/riders/import").then();
    }

    private static ValidatableResponse csv(String text) {
        return upload("riders.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static long riders() {
        return Db.count("select count(*) from rider where tenant_id = '" + T + "'");
    }

    @Test
    void badRowsAreListedByTheirRowNumberAndNothingIsImported() {
        long before = riders();
        csv("""
                姓名,手机号,身份证号,平台,站点,小分队
                赵好,13600000001,110105199003071239,美团,城东站,城东小分队

                钱号错,1360000,,饿了么,城东站,
                孙重复,13600000001,,顺丰,,
                李分队,13600000004,,申通,,没有这个分队
                周校验,13600000005,110105199003071238,京东,,
                吴平台,13600000006,,出租车,,
                郑冒名,13800000001,,美团,,
                """)
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("rows[4].phone", "rows[5].phone", "rows[6].squad",
                        "rows[7].idNumber", "rows[8].platform", "rows[9].phone")));
        assertThat(riders()).isEqualTo(before);
    }

    @Test
    void aMissingColumnOrAnEmptyOrOversizedFileIsRefused() {
        long before = riders();
        csv("name,platform\n赵,meituan\n").statusCode(400).body("errors.field", equalTo(List.of("columns.phone")));
        csv("name,phone,platform\n").statusCode(400);
        upload("big.csv", new byte[5 * 1024 * 1024 + 1]).statusCode(400);
        upload("broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}).statusCode(400).contentType("application/problem+json");
        StringBuilder many = new StringBuilder("name,phone,platform\n");
        for (int i = 0; i < 5_001; i++) {
            many.append("骑手").append(i).append(',').append(13_500_000_000L + i).append(",meituan\n");
        }
        csv(many.toString()).statusCode(400);
        given().auth().oauth2(Tokens.of(TestTenants.member(T, "dispatcher")))
                .multiPart("file", "r.csv", "name,phone,platform\n赵,13600000009,meituan\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/t/" + T + "/riders/import").then().statusCode(403);
        assertThat(riders()).isEqualTo(before);
    }

    @Test
    void aValidCsvImportsActiveRidersAndTheSameRiderIsUpdated() {
        csv("""
                \uFEFFname,phone,idNumber,platform,depot,squad
                冯一,13600000101,141122198506150025,meituan,城东站,城东小分队
                冯二,13600000102,,UU跑腿,,
                """).statusCode(200).body("created", equalTo(2)).body("updated", equalTo(0));
        assertThat(Db.strings("select status || ' ' || coalesce(subject, '-') || ' ' || platform from rider where tenant_id = '"
                + T + "' and phone in ('13600000101', '13600000102') order by phone"))
                .containsExactly("active - meituan", "active - uu");
        // the same rider (phone and name) again: updated, not duplicated; another rider's phone: refused
        csv("姓名,手机号,平台,站点\n冯一,13600000101,美团,城西站\n冯二,13600000102,UU跑腿,\n")
                .statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        csv("姓名,手机号,平台\n别人,13600000101,美团\n").statusCode(400).body("errors.field", equalTo(List.of("rows[2].phone")));
        given().auth().oauth2(Tokens.of(TestTenants.admin(T))).queryParam("q", "冯").get("/api/t/" + T + "/riders").then()
                .body("total", equalTo(2)).body("items.depot", hasItems("城西站"))
                .body("items.idNumber", hasItems("141122********0025"));
    }

    @Test
    void aValidXlsxImports() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "fengxing-test", "1.0");
        Worksheet sheet = book.newWorksheet("骑手");
        List<String> header = List.of("姓名", "手机号", "身份证号", "平台", "站点", "小分队");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, "蒋表格");
        sheet.value(1, 1, 13600000201L); // typed into a number cell, as spreadsheets do
        sheet.value(1, 2, "11010519491231002x");
        sheet.value(1, 3, "饿了么");
        sheet.value(1, 4, "北站");
        sheet.value(2, 0, "沈表格");
        sheet.value(2, 1, "13600000202");
        sheet.value(2, 3, "sf");
        sheet.value(2, 5, "城东小分队");
        book.finish();
        upload("riders.xlsx", out.toByteArray()).statusCode(200).body("created", equalTo(2));
        assertThat(Db.strings("select name || ' ' || platform || ' ' || coalesce(id_number, '-') || ' ' || (squad_id is not null)"
                + " from rider where tenant_id = '" + T + "' and phone in ('13600000201', '13600000202') order by phone"))
                .containsExactly("蒋表格 eleme 11010519491231002X false", "沈表格 sf - true");
    }

    /** What the township's export (JSON Lines of the rider table) holds for the rider with this phone. */
    private static String exported(String phone) throws IOException {
        byte[] zip = given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).get("/api/platform/tenants/" + T + "/export")
                .then().statusCode(200).extract().asByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("tenant/rider.jsonl")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .filter(l -> l.contains("\"" + phone + "\"")).findFirst().orElseThrow();
                }
            }
        }
        throw new AssertionError("no rider table in the export");
    }

    @Test
    void formulaCellsOfACsvAreStoredAsTextAndPhonesStayPhones() throws IOException {
        csv("""
                姓名,手机号,平台,站点
                =1+2褚,+86 136 0000 0301,美团,@SUM(A1)
                -褚二,0086-136-0000-0302,美团,"=cmd|' /C calc'!A0"
                +褚三,136 0000 0303,美团,-城东站
                """).statusCode(200).body("created", equalTo(3));
        assertThat(Db.strings("select phone || ' ' || name || ' ' || depot from rider where tenant_id = '" + T
                + "' and phone like '136000003%' order by phone")).containsExactly(
                "13600000301 '=1+2褚 '@SUM(A1)", "13600000302 '-褚二 '=cmd|' /C calc'!A0", "13600000303 '+褚三 '-城东站");
        given().auth().oauth2(Tokens.of(TestTenants.admin(T))).queryParam("q", "褚二").get("/api/t/" + T + "/riders")
                .then().body("items[0].name", equalTo("'-褚二")).body("items[0].depot", equalTo("'=cmd|' /C calc'!A0"));
        assertThat(exported("13600000301")).contains("\"name\":\"'=1+2褚\"", "\"depot\":\"'@SUM(A1)\"");
    }

    @Test
    void formulaCellsOfAnXlsxAreStoredAsTheirFormulaText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "fengxing-test", "1.0");
        Worksheet sheet = book.newWorksheet("骑手");
        List<String> header = List.of("姓名", "手机号", "平台", "站点");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, "=HYPERLINK(\"http://evil.example\")");
        sheet.value(1, 1, "+8613600000401");
        sheet.value(1, 2, "美团");
        sheet.formula(1, 3, "HYPERLINK(\"http://evil.example\",\"城东站\")");
        book.finish();
        upload("riders.xlsx", out.toByteArray()).statusCode(200).body("created", equalTo(1));
        assertThat(exported("13600000401")).contains("\"name\":\"'=HYPERLINK(\\\"http://evil.example\\\")\"",
                "\"depot\":\"'=HYPERLINK(\\\"http://evil.example\\\",\\\"城东站\\\")\"");
    }
}
