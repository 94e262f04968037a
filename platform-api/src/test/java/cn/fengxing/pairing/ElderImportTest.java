package cn.fengxing.pairing;

import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.fengxing.pairing.PairingTownships.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Importing elders from a spreadsheet: all or nothing, names split family name first, formula cells refused,
 * NUL bytes, broken and huge files refused, and a grid worker importing into their own communities only.
 */
@QuarkusTest
class ElderImportTest {

    static final String T = "pair-imp";
    static final String ADMIN = TestTenants.admin(T);
    static final String HANDLER = TestTenants.member(T, "handler");

    @BeforeEach
    void township() {
        PairingTownships.onboard(T, 119.0, 30.0);
    }

    static ValidatableResponse upload(String subject, String name, byte[] content) {
        return given().auth().oauth2(Tokens.of(subject)).multiPart("file", name, content)
                .post("/api/t/" + T + "/pairing/elders/import").then();
    }

    static ValidatableResponse csv(String subject, String text) {
        return upload(subject, "elders.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    static long count() {
        return Db.count("select count(*) from elder where tenant_id = '" + T + "'");
    }

    @Test
    void rowsAreImportedThenUpdated() {
        String sheet = """
                社区,姓名,地址,电话,家属姓名,家属电话,标志物,备注,经度,纬度
                c1,王秀兰,月坛西街3号院2号楼1单元101,010-6852-1001,李明,138 1234 5678,楼下有红色信报箱,腿脚不便,116.35,39.91
                一社区,欧阳明,月坛北街5号,+8613912345678,,,,,,
                c2,张 德明,三里河一区2号楼,,,,,,,
                """;
        long before = PairingTownships.audits(T, "pairing.elder.import");
        csv(ADMIN, sheet).statusCode(200).body("created", equalTo(3)).body("updated", equalTo(0));
        assertThat(Db.strings("select family_name || '|' || given_name || '|' || coalesce(phone, '-') || '|' || "
                + "coalesce(family_contact_phone, '-') || '|' || coalesce(lon::text, '-') from elder where tenant_id = '"
                + T + "' order by id")).containsExactly("王|秀兰|010-6852-1001|13812345678|116.35",
                "欧阳|明|13912345678|-|-", "张|德明|-|-|-");
        csv(ADMIN, sheet.replace("腿脚不便", "耳背，敲门大声些")).statusCode(200).body("created", equalTo(0))
                .body("updated", equalTo(3));
        assertThat(count()).isEqualTo(3);
        assertThat(Db.strings("select notes from elder where tenant_id = '" + T + "' and given_name = '秀兰'"))
                .containsExactly("耳背，敲门大声些");
        assertThat(PairingTownships.audits(T, "pairing.elder.import")).isEqualTo(before + 2);
        // a grid worker imports into their own community
        csv(HANDLER, "社区,姓名,地址\nc1,刘桂芝,月坛西街9号\n").statusCode(200).body("created", equalTo(1));
    }

    @Test
    void badRowsAreListedAndNothingIsImported() {
        csv(ADMIN, """
                社区,姓名,地址,电话,家属电话,经度,纬度
                c1,王秀兰,月坛西街3号,12345,,,
                c9,李桂英,月坛西街4号,,,,
                c1,王,月坛西街5号,,,,
                c1,张德明,,,,,
                c1,赵玉珍,月坛西街6号,,010-6852,,
                c1,钱淑珍,月坛西街7号,,,200,39
                c1,孙凤兰,月坛西街8号,,,116,
                c1,周淑英,月坛西街10号,,,,
                c1,周淑英,月坛西街10号,,,,
                """).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("rows[2].phone", "rows[3].community", "rows[4].name",
                        "rows[5].address", "rows[6].familyContactPhone", "rows[7].lon", "rows[8].lat", "rows[10].name")));
        csv(ADMIN, "姓名,地址\n王秀兰,月坛西街3号\n").statusCode(400)
                .body("errors.field", equalTo(List.of("columns.community")));
        csv(ADMIN, "社区,姓名,地址\n").statusCode(400);
        assertThat(count()).isZero();
    }

    @Test
    void formulasAreRefusedNotStored() throws IOException {
        csv(ADMIN, "社区,姓名,地址,标志物\nc1,王秀兰,\"=HYPERLINK(\"\"http://evil.example\"\")\",@SUM(A1)\n")
                .statusCode(400).body("errors.field", equalTo(List.of("rows[2].address", "rows[2].landmark")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "fengxing-test", "1.0");
        Worksheet sheet = book.newWorksheet("老人");
        List<String> header = List.of("社区", "姓名", "地址", "电话");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, "c1");
        sheet.formula(1, 1, "CONCATENATE(\"王\",\"秀兰\")");
        sheet.value(1, 2, "月坛西街3号");
        sheet.value(1, 3, 13812345678L); // a phone typed into a number cell
        book.finish();
        upload(ADMIN, "elders.xlsx", out.toByteArray()).statusCode(400)
                .body("errors.field", equalTo(List.of("rows[2].name")));
        assertThat(count()).isZero();
    }

    @Test
    void hugeBrokenForeignOrMissingFilesAreRefused() {
        csv(ADMIN, "社区,姓名,地址\nc1,王秀\u0000兰,月坛西街3号\n").statusCode(400).contentType("application/problem+json");
        upload(ADMIN, "big.csv", new byte[5 * 1024 * 1024 + 1]).statusCode(400).contentType("application/problem+json");
        upload(ADMIN, "broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}).statusCode(400)
                .contentType("application/problem+json");
        for (String contentType : List.of("multipart/form-data; boundary=XYZ", "multipart/form-data",
                "multipart/form-data; boundary=")) {
            as(ADMIN).contentType(contentType).body("garbage".getBytes(StandardCharsets.UTF_8))
                    .post("/api/t/" + T + "/pairing/elders/import").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.of(ADMIN)).multiPart("other", "x.csv", new byte[] {'a'})
                .post("/api/t/" + T + "/pairing/elders/import").then().statusCode(400);
        // a grid worker of c1 cannot import c2's elders: the whole file is refused
        csv(HANDLER, "社区,姓名,地址\nc1,王秀兰,月坛西街3号\nc2,李桂英,三里河一区2号楼\n").statusCode(400)
                .body("errors.field", equalTo(List.of("rows[3].community")));
        csv(TestTenants.member(T, "dispatcher"), "社区,姓名,地址\nc1,王秀兰,月坛西街3号\n").statusCode(403);
        assertThat(count()).isZero();
    }

    @Test
    void theTemplateIsAWorkbookWithTheHeaderRow() {
        byte[] xlsx = as(HANDLER).get("/api/t/" + T + "/pairing/elders/import-template").then().statusCode(200)
                .extract().asByteArray();
        assertThat(xlsx[0]).isEqualTo((byte) 'P');
        // the template, filled in as it comes, imports
        upload(ADMIN, "template.xlsx", xlsx).statusCode(200).body("created", equalTo(1));
        assertThat(Db.strings("select family_name || given_name || ' ' || phone || ' ' || family_contact_phone "
                + "from elder where tenant_id = '" + T + "'")).containsExactly("王秀兰 13812345678 010-6852-1001");
    }
}
