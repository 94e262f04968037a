package cn.fengxing.platform;

import cn.fengxing.support.Db;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Offboarding: export, then delete exactly one suspended township's rows and files, leaving every other township
 * as it was; refused while active and without confirmation; platform operators only; the code onboards again.
 */
@QuarkusTest
class OffboardingTest {

    static final String T = "off-a";
    static final String OTHER = "off-b";
    static final Path BLOBS = Path.of("target/blobs");

    private static String operator() {
        return Tokens.of(Tokens.OPERATOR);
    }

    /** Tenant tables, by the catalog, as the superuser sees them. */
    private static List<String> tenantTables() {
        return Db.strings("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                 where n.nspname = 'public' and c.relkind = 'r' order by 1""");
    }

    /** Platform tables keyed by township code, with that column. */
    private static Map<String, String> platformTables() {
        Map<String, String> tables = new TreeMap<>(Map.of("tenant", "code", "audit_log", "tenant_code"));
        for (String row : Db.strings("""
                select c.relname || ' ' || a.attname from pg_constraint k join pg_class c on c.oid = k.conrelid
                  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                 where k.contype = 'f' and k.confrelid = 'tenant'::regclass and a.attname <> 'tenant_id'""")) {
            tables.put(row.split(" ")[0], row.split(" ")[1]);
        }
        return tables;
    }

    /** Every row of the database that is not the township's (the platform audit log up to {@code auditId}). */
    private static Map<String, List<String>> everythingBut(String code, long auditId) {
        Map<String, List<String>> dump = new TreeMap<>();
        for (String table : tenantTables()) {
            dump.put(table, Db.strings("select to_jsonb(t)::text from " + table + " t where tenant_id <> '" + code
                    + "' order by 1"));
        }
        platformTables().forEach((table, column) -> dump.put(table, Db.strings("select to_jsonb(t)::text from "
                + table + " t where " + column + " is distinct from '" + code + "'"
                + (table.equals("audit_log") ? " and id <= " + auditId : "") + " order by 1")));
        for (String table : List.of("region", "region_grant")) {
            dump.put(table, Db.strings("select to_jsonb(t)::text from " + table + " t order by 1"));
        }
        return dump;
    }

    /** Every stored file outside the township's folder, with its SHA-256. */
    private static Map<String, String> filesBut(String code) throws Exception {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(BLOBS)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(BLOBS)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String key = BLOBS.relativize(p).toString();
                if (!key.startsWith(code + "/")) {
                    files.put(key, sha256(Files.readAllBytes(p)));
                }
            }
        }
        return files;
    }

    private static List<String> filesOf(String code) throws IOException {
        Path dir = BLOBS.resolve(code);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> BLOBS.relativize(p).toString()).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long rowsOf(String code) {
        long rows = 0;
        for (String table : tenantTables()) {
            rows += Db.count("select count(*) from " + table + " where tenant_id = '" + code + "'");
        }
        for (var e : platformTables().entrySet()) {
            rows += Db.count("select count(*) from " + e.getKey() + " where " + e.getValue() + " = '" + code + "'");
        }
        return rows;
    }

    private static io.restassured.response.ValidatableResponse offboard(String token, String code, String confirm) {
        var request = token == null ? given() : given().auth().oauth2(token);
        if (confirm != null) {
            request = request.queryParam("confirm", confirm);
        }
        return request.delete("/api/platform/tenants/" + code).then();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static List<String> lines(byte[] jsonl) {
        String text = new String(jsonl, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void offboardingExportsThenDeletesExactlyTheTownshipAndItCanBeOnboardedAgain() throws Exception {
        TestTenants.onboard(T, 140.0, 40.0);
        TestTenants.onboard(OTHER, 141.0, 40.0);
        long first = Reports.file(T, "road-damage", 140.001, 40.001);
        Reports.file(T, "road-damage", 140.002, 40.001);
        Reports.file(OTHER, "road-damage", 141.001, 40.001);
        assertThat(filesOf(T)).hasSize(4); // two photos, each with its thumbnail
        for (String code : List.of(T, OTHER)) { // squads led by their riders: tables that reference each other
            Db.strings("with s as (insert into squad (tenant_id, name, leader_id) select tenant_id, '一队', id from rider"
                    + " where tenant_id = '" + code + "' returning id, leader_id) update rider r set squad_id = s.id"
                    + " from s where r.id = s.leader_id returning r.id");
        }
        long rowsBefore = rowsOf(T);

        // refused while active, without or with a wrong confirmation: nothing changes
        offboard(operator(), T, T).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:fengxing:problem:conflict"));
        given().auth().oauth2(operator()).post("/api/platform/tenants/" + T + "/suspend").then().statusCode(200);
        offboard(operator(), T, null).statusCode(400).contentType("application/problem+json");
        offboard(operator(), T, OTHER).statusCode(400);
        offboard(operator(), "off-nowhere", "off-nowhere").statusCode(404);
        assertThat(rowsOf(T)).isEqualTo(rowsBefore + 1); // the suspension's audit entry
        assertThat(filesOf(T)).hasSize(4);

        // platform operators only
        String viewer = "off-region-viewer";
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(Map.of("subject", viewer, "regionPath", "测试省/测试市/" + T + "县", "role", "region_viewer"))
                .put("/api/platform/region-grants").then().statusCode(200);
        for (String subject : List.of(TestTenants.admin(T), TestTenants.member(T, "rider"), viewer, "off-stranger")) {
            offboard(Tokens.of(subject), T, T).statusCode(403);
        }
        offboard(null, T, T).statusCode(401);

        // the export holds every row and every file
        byte[] zip = given().auth().oauth2(operator()).get("/api/platform/tenants/" + T + "/export").then()
                .statusCode(200).extract().asByteArray();
        Map<String, byte[]> export = unzip(zip);
        long exported = 0;
        for (String table : tenantTables()) {
            List<String> rows = lines(export.get("tenant/" + table + ".jsonl"));
            assertThat(rows).as(table).hasSize((int) Db.count("select count(*) from " + table
                    + " where tenant_id = '" + T + "'"));
            exported += rows.size();
        }
        for (var e : platformTables().entrySet()) {
            List<String> rows = lines(export.get("platform/" + e.getKey() + ".jsonl"));
            assertThat(rows).as(e.getKey()).hasSize((int) Db.count("select count(*) from " + e.getKey() + " where "
                    + e.getValue() + " = '" + T + "'"));
            exported += rows.size();
        }
        assertThat(exported).isEqualTo(rowsOf(T));
        assertThat(lines(export.get("tenant/report.jsonl"))).hasSize(2);
        List<String> files = filesOf(T);
        assertThat(export.keySet().stream().filter(k -> k.startsWith("files/")).map(k -> k.substring(6)))
                .containsExactlyElementsOf(files);
        for (String key : files) {
            assertThat(sha256(export.get("files/" + key))).isEqualTo(sha256(Files.readAllBytes(BLOBS.resolve(key))));
        }
        assertThat(new String(zip, StandardCharsets.ISO_8859_1)).doesNotContain(OTHER);

        long auditId = Db.count("select coalesce(max(id), 0) from audit_log");
        Map<String, List<String>> othersBefore = everythingBut(T, auditId);
        Map<String, String> otherFilesBefore = filesBut(T);
        assertThat(othersBefore.get("report")).isNotEmpty();
        assertThat(otherFilesBefore).isNotEmpty();

        JsonPath result = offboard(operator(), T, T).statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertThat(result.getString("code")).isEqualTo(T);
        assertThat(result.getInt("rows.report")).isEqualTo(2);
        assertThat(result.getInt("rows.tenant")).isEqualTo(1);
        assertThat(result.getInt("rows.membership")).isEqualTo(5);
        assertThat(result.getInt("rows.squad")).isEqualTo(1);
        assertThat(result.getInt("files")).isEqualTo(4);

        assertThat(rowsOf(T)).isZero();
        assertThat(filesOf(T)).isEmpty();
        assertThat(everythingBut(T, auditId)).isEqualTo(othersBefore);
        assertThat(filesBut(T)).isEqualTo(otherFilesBefore);

        // the platform's audit log says who offboarded which township, what went and when it was exported
        List<String> entries = Db.strings("select jsonb_build_object('actor', actor, 'tenant', tenant_code, "
                + "'target', target, 'details', details)::text from audit_log where action = 'tenant.offboard' "
                + "and target = '" + T + "'");
        assertThat(entries).hasSize(1);
        JsonPath entry = JsonPath.from(entries.get(0));
        assertThat(entry.getString("actor")).isEqualTo(Tokens.OPERATOR);
        assertThat(entry.getString("tenant")).isNull();
        assertThat(entry.getInt("details.rows.report")).isEqualTo(2);
        assertThat(entry.getInt("details.files")).isEqualTo(4);
        assertThat(entry.getString("details.exportedAt")).isNotEmpty();
        assertThat(entry.getString("details.exportedBy")).isEqualTo(Tokens.OPERATOR);

        given().auth().oauth2(operator()).get("/api/platform/tenants/" + T).then().statusCode(404);
        offboard(operator(), T, T).statusCode(404);
        given().auth().oauth2(Tokens.of(TestTenants.admin(T))).get("/api/t/" + T + "/communities").then()
                .statusCode(404);

        // the code onboards again, from scratch
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(TestTenants.manifest(T, 140.0, 40.0)).put("/api/platform/tenants/" + T).then()
                .statusCode(200).body("outcome", equalTo("created"));
        String admin = Tokens.of(TestTenants.admin(T));
        given().auth().oauth2(Tokens.of(TestTenants.member(T, "rider"))).get("/api/t/" + T + "/reports/mine").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(admin).get("/api/t/" + T + "/communities").then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(admin).get("/api/t/" + T + "/reports/" + first).then().statusCode(404);
        // its audit log starts anew: only entries written after the offboarding
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + T + "'")).isPositive();
        assertThat(Db.count("select count(*) from audit_log where tenant_code = '" + T + "' and id <= " + auditId))
                .isZero();
        assertThat(filesOf(T)).isEmpty();
        assertThat(everythingBut(T, auditId)).isEqualTo(othersBefore);
    }
}
