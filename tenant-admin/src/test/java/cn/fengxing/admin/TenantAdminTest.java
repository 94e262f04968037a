package cn.fengxing.admin;

import cn.fengxing.admin.FakePlatform.Answer;
import cn.fengxing.admin.FakePlatform.Recorded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands against {@link FakePlatform}: what they send, what they print, how they exit. */
class TenantAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLIED = """
            {"code":"demo","outcome":"created","dryRun":false,
             "changes":["+ tenant demo","+ community c01","+ grid c01-g01"]}""";

    @TempDir
    Path dir;

    private FakePlatform platform;

    @BeforeEach
    void start() throws IOException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    /** Exit code and what was printed. */
    record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(platform.env(), args);
    }

    /** Runs with {@code input} as what the operator types. */
    private Run runTyping(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, platform.env(), new java.io.BufferedReader(new java.io.StringReader(input)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path manifestWithGridsFile() throws IOException {
        Files.createDirectories(dir.resolve("geo"));
        Files.writeString(dir.resolve("geo/demo-grids.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "geometry":{"type":"Polygon","coordinates":[[[111.1,37.3],[111.2,37.3],[111.2,37.4],[111.1,37.3]]]},
                 "properties":{"code":"c01-g01","name":"城北社区第一网格","community":"c01","parent":null,
                               "type":"basic","households":420}}]}""");
        Path manifest = dir.resolve("demo.yaml");
        Files.writeString(manifest, """
                code: demo
                name: 演示镇
                nameEn: Demo Town
                region: [山西省, 吕梁市, 中阳县]
                timeZone: Asia/Shanghai
                settings: { map: { zoom: 15 } }
                members:
                  - { subject: "00000000-0000-4000-8000-000000000101", name: 管理员, roles: [tenant_admin] }
                communities:
                  - { code: c01, name: 城北社区 }
                grids: geo/demo-grids.geojson
                """);
        return manifest;
    }

    @Test
    void applyInlinesTheGridsFileAndPutsWithTheBearerToken() throws IOException {
        platform.on("PUT /api/platform/tenants/demo", Answer.json(200, APPLIED));
        Run run = run("apply", "-f", manifestWithGridsFile().toString());

        assertEquals(0, run.exit(), run.err());
        assertEquals(1, platform.tokenRequests().size(), "one token per run");
        Recorded put = platform.apiRequests().get(0);
        assertEquals(1, platform.apiRequests().size());
        assertEquals("PUT", put.method());
        assertEquals("/api/platform/tenants/demo", put.path());
        assertNull(put.query());
        assertEquals("Bearer " + FakePlatform.TOKEN, put.header("Authorization"));
        assertTrue(put.header("Content-Type").startsWith("application/json"));
        assertEquals("zh-CN,en;q=0.8", put.header("Accept-Language"));

        JsonNode body = JSON.readTree(put.body());
        assertEquals("demo", body.path("code").asText());
        assertEquals("演示镇", body.path("name").asText());
        assertEquals(List.of("山西省", "吕梁市", "中阳县"),
                List.of(body.path("region").get(0).asText(), body.path("region").get(1).asText(),
                        body.path("region").get(2).asText()));
        assertEquals(15, body.path("settings").path("map").path("zoom").asInt());
        JsonNode grids = body.path("grids");
        assertTrue(grids.isObject(), "grids file inlined as an object: " + grids);
        assertEquals("FeatureCollection", grids.path("type").asText());
        assertEquals("c01-g01", grids.path("features").get(0).path("properties").path("code").asText());
        assertEquals(420, grids.path("features").get(0).path("properties").path("households").asInt());

        assertTrue(run.out().contains("tenant demo: created"), run.out());
        assertTrue(run.out().contains("+ community c01"), run.out());
        assertTrue(run.out().contains("+ grid c01-g01"), run.out());
    }

    @Test
    void applyPrintsTheOneTimePasswordOfEachAccountItCreated() throws IOException {
        platform.on("PUT /api/platform/tenants/demo", Answer.json(200, """
                {"code":"demo","outcome":"created","dryRun":false,
                 "changes":["+ tenant demo","+ account username demo-admin","+ member username demo-admin tenant_admin"],
                 "accounts":[{"login":"demo-admin","name":"张建国","oneTimePassword":"abcd-EFGH-2345"}]}"""));
        Run run = run("apply", "-f", manifestWithGridsFile().toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("+ account username demo-admin"), run.out());
        assertTrue(run.out().contains("account created for 张建国, signing in as demo-admin: one-time password abcd-EFGH-2345"
                + " (to be replaced at first sign-in)"), run.out());
    }

    @Test
    void applyReadsJsonManifestsAndOptionsOverrideTheEnvironment() throws IOException {
        platform.on("PUT /api/platform/tenants/demo", Answer.json(200,
                "{\"code\":\"demo\",\"outcome\":\"unchanged\",\"dryRun\":false,\"changes\":[]}"));
        Path manifest = dir.resolve("demo.json");
        Files.writeString(manifest, "{\"code\":\"demo\",\"name\":\"演示镇\",\"region\":[\"北京市\",\"西城区\"]}");
        Map<String, String> env = Map.of("FENGXING_API", "http://127.0.0.1:1", "LANG", "en_US.UTF-8");

        Run run = run(env, "--api", platform.base(), "--issuer", platform.issuer() + "/",
                "--client-id", FakePlatform.CLIENT_ID, "--client-secret", FakePlatform.CLIENT_SECRET,
                "apply", "-f", manifest.toString());

        assertEquals(0, run.exit(), run.err());
        Recorded put = platform.apiRequests().get(0);
        assertEquals("en,zh-CN;q=0.8", put.header("Accept-Language"));
        assertFalse(JSON.readTree(put.body()).has("grids"));
        assertTrue(run.out().contains("tenant demo: unchanged"), run.out());
    }

    @Test
    void dryRunSendsDryRunTrue() throws IOException {
        platform.on("PUT /api/platform/tenants/demo", Answer.json(200,
                APPLIED.replace("\"dryRun\":false", "\"dryRun\":true")));
        Run run = run("apply", "-f", manifestWithGridsFile().toString(), "--dry-run");

        assertEquals(0, run.exit(), run.err());
        assertEquals("dryRun=true", platform.apiRequests().get(0).query());
        assertTrue(run.out().contains("tenant demo: would be created (dry run, nothing saved)"), run.out());
        assertTrue(run.out().contains("+ tenant demo"), run.out());
    }

    @Test
    void aProblemAnswerPrintsTitleDetailAndFieldsAndExits1() throws IOException {
        platform.on("PUT /api/platform/tenants/demo", Answer.problem(400, """
                {"type":"https://fengxing.cn/problems/invalid-manifest","title":"租户清单无效","status":400,
                 "detail":"清单有 2 处错误","errors":[
                   {"field":"region","message":"最多三级"},
                   {"field":"grids.features[0].properties.community","message":"社区 c09 不存在"}]}"""));
        Run run = run("apply", "-f", manifestWithGridsFile().toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("error: 400 租户清单无效: 清单有 2 处错误"), run.err());
        assertTrue(run.err().contains("region: 最多三级"), run.err());
        assertTrue(run.err().contains("grids.features[0].properties.community: 社区 c09 不存在"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingManifestExits2WithoutCallingAnything() {
        Path missing = dir.resolve("nowhere.yaml");
        Run run = run("apply", "-f", missing.toString());

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("error: manifest file not found: " + missing), run.err());
        assertTrue(platform.apiRequests().isEmpty());
        assertTrue(platform.tokenRequests().isEmpty());
    }

    @Test
    void aMissingGridsFileExits2() throws IOException {
        Path manifest = dir.resolve("demo.yaml");
        Files.writeString(manifest, "code: demo\nname: 演示镇\ngrids: demo-grids.geojson\n");
        Run run = run("apply", "-f", manifest.toString());

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("grids file not found: " + dir.resolve("demo-grids.geojson")), run.err());
        assertTrue(platform.apiRequests().isEmpty());
    }

    @Test
    void applyInlinesTheReportHistoryFileAndAMissingOneExits2() throws IOException {
        platform.on("PUT /api/platform/tenants/demo", Answer.json(200, APPLIED));
        Files.writeString(dir.resolve("demo-reports.json"), """
                [{"code":"r1","category":"garbage","description":"垃圾堆放","lon":111.15,"lat":37.35,"daysAgo":3,
                  "time":"09:30","steps":[{"action":"reject","minutes":5,"by":"00000000-0000-4000-8000-000000000101"}]}]""");
        Path manifest = dir.resolve("demo.yaml");
        Files.writeString(manifest, "code: demo\nname: 演示镇\nreportHistory: demo-reports.json\n");
        Run run = run("apply", "-f", manifest.toString());

        assertEquals(0, run.exit(), run.err());
        JsonNode history = JSON.readTree(platform.apiRequests().get(0).body()).path("reportHistory");
        assertTrue(history.isArray(), "history file inlined as a list: " + history);
        assertEquals("r1", history.get(0).path("code").asText());

        Files.writeString(manifest, "code: demo\nname: 演示镇\nreportHistory: none.json\n");
        Run missing = run("apply", "-f", manifest.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("reportHistory file not found: " + dir.resolve("none.json")), missing.err());
        assertEquals(1, platform.apiRequests().size());
    }

    @Test
    void usageErrorsExit2() throws IOException {
        assertEquals(2, run().exit(), "no command");
        assertEquals(2, run("apply").exit(), "no -f");
        assertEquals(2, run("frobnicate").exit(), "unknown command");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "code: Not_A_Slug\nname: x\n");
        Run run = run("apply", "-f", bad.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("not a valid tenant code"), run.err());
        assertTrue(platform.apiRequests().isEmpty());
        assertEquals(0, run("--help").exit());
    }

    @Test
    void exportWritesTheZipAndListsItsEntries() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("tenant.json", "grids.geojson", "riders.csv")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        byte[] archive = bytes.toByteArray();
        platform.on("GET /api/platform/tenants/demo/export", new Answer(200, "application/zip", archive));
        Path target = dir.resolve("out/demo.zip");

        Run run = run("export", "demo", "-o", target.toString());

        assertEquals(0, run.exit(), run.err());
        assertArrayEquals(archive, Files.readAllBytes(target));
        assertEquals("Bearer " + FakePlatform.TOKEN, platform.apiRequests().get(0).header("Authorization"));
        assertTrue(run.out().contains("wrote " + archive.length + " bytes to " + target), run.out());
        assertTrue(run.out().contains("  tenant.json\n") && run.out().contains("  riders.csv\n"), run.out());
    }

    @Test
    void aFailedExportLeavesNoFile() {
        platform.on("GET /api/platform/tenants/nosuch/export", Answer.problem(404,
                "{\"title\":\"租户不存在\",\"status\":404,\"detail\":\"nosuch\"}"));
        Path target = dir.resolve("nosuch.zip");
        Run run = run("export", "nosuch", "-o", target.toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("error: 404 租户不存在: nosuch"), run.err());
        assertFalse(Files.exists(target));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listFollowsPagesAndPrintsATable() {
        platform.on("GET /api/platform/tenants", request -> {
            int page = request.query().contains("page=1") ? 1 : 0;
            StringBuilder items = new StringBuilder();
            int count = page == 0 ? 100 : 3;
            for (int i = 0; i < count; i++) {
                int n = page * 100 + i;
                items.append(i == 0 ? "" : ",").append("{\"code\":\"t").append(n)
                        .append("\",\"name\":\"宁乡镇\",\"nameEn\":\"x\",\"regionPath\":\"山西省/吕梁市/中阳县\","
                                + "\"status\":\"").append(n == 102 ? "suspended" : "active")
                        .append("\",\"timeZone\":\"Asia/Shanghai\"}");
            }
            return Answer.json(200, "{\"items\":[" + items + "],\"page\":" + page + ",\"size\":100,\"total\":103}");
        });
        Run run = run("list");

        assertEquals(0, run.exit(), run.err());
        List<Recorded> requests = platform.apiRequests();
        assertEquals(2, requests.size());
        assertEquals("page=0&size=100", requests.get(0).query());
        assertEquals("page=1&size=100", requests.get(1).query());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("CODE") && lines[0].contains("REGION") && lines[0].endsWith("STATUS"), lines[0]);
        assertTrue(run.out().contains("t102  宁乡镇  山西省/吕梁市/中阳县  suspended"), run.out());
        assertTrue(run.out().contains("103 tenants"), run.out());
    }

    @Test
    void suspendAndResumePrintTheNewStatus() {
        platform.on("POST /api/platform/tenants/demo/suspend", Answer.json(200,
                "{\"code\":\"demo\",\"name\":\"演示镇\",\"status\":\"suspended\"}"));
        platform.on("POST /api/platform/tenants/demo/resume", Answer.json(200,
                "{\"code\":\"demo\",\"name\":\"演示镇\",\"status\":\"active\"}"));

        Run suspend = run("suspend", "demo");
        // the global options may also follow the command
        Map<String, String> env = new HashMap<>(platform.env());
        env.remove("FENGXING_API");
        env.remove("FENGXING_CLIENT_SECRET");
        Run resume = run(env, "resume", "demo", "--api", platform.base(),
                "--client-secret", FakePlatform.CLIENT_SECRET);

        assertEquals(0, suspend.exit(), suspend.err());
        assertEquals("tenant demo (演示镇): suspended\n", suspend.out());
        assertEquals(0, resume.exit(), resume.err());
        assertEquals("tenant demo (演示镇): active\n", resume.out());
        assertEquals("/api/platform/tenants/demo/resume", platform.apiRequests().get(1).path());
        assertEquals("POST", platform.apiRequests().get(0).method());
    }

    @Test
    void grantPutsTheRegionGrant() throws IOException {
        platform.on("PUT /api/platform/region-grants", request -> Answer.json(200, request.bodyText()));
        Run run = run("grant", "00000000-0000-4000-8000-000000000301", "山西省/吕梁市", "region_viewer");

        assertEquals(0, run.exit(), run.err());
        JsonNode body = JSON.readTree(platform.apiRequests().get(0).body());
        assertEquals("00000000-0000-4000-8000-000000000301", body.path("subject").asText());
        assertEquals("山西省/吕梁市", body.path("regionPath").asText());
        assertEquals("region_viewer", body.path("role").asText());
        assertEquals("granted region_viewer on 山西省/吕梁市 to 00000000-0000-4000-8000-000000000301\n", run.out());
    }

    @Test
    void grantNamesThePersonByUsername() throws IOException {
        platform.on("PUT /api/platform/region-grants", request -> Answer.json(200,
                "{\"id\":7,\"subject\":\"00000000-0000-4000-8000-000000000302\",\"name\":\"李晋华\","
                        + "\"regionPath\":\"山西省\",\"role\":\"region_viewer\"}"));
        Run run = run("grant", "--username", "li.jinhua", "--name", "李晋华", "山西省", "region_viewer");

        assertEquals(0, run.exit(), run.err());
        JsonNode body = JSON.readTree(platform.apiRequests().get(0).body());
        assertEquals("li.jinhua", body.path("username").asText());
        assertEquals("李晋华", body.path("name").asText());
        assertFalse(body.has("subject"), body.toString());
        assertEquals("granted region_viewer on 山西省 to 李晋华 00000000-0000-4000-8000-000000000302\n", run.out());
    }

    @Test
    void grantWantsTheSubjectOrAHandleNotBoth() {
        Run run = run("grant", "--username", "li.jinhua", "someone", "山西省", "region_viewer");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("give REGION_PATH ROLE after --username"), run.err());
        assertTrue(platform.apiRequests().isEmpty());
    }

    @Test
    void aNonProblemErrorStillPrintsStatusAndTitle() {
        platform.on("POST /api/platform/tenants/demo/suspend", new Answer(403, "text/plain", new byte[0]));
        Run run = run("suspend", "demo");

        assertEquals(1, run.exit());
        assertEquals("error: 403 Forbidden\n", run.err());
    }

    @Test
    void badClientCredentialsExit1() {
        Map<String, String> env = new HashMap<>(platform.env());
        env.put("FENGXING_CLIENT_SECRET", "wrong");
        Run run = run(env, "list");

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("invalid_client"), run.err());
        assertTrue(platform.apiRequests().isEmpty());
    }

    @Test
    void anUnreachableApiExits3() throws IOException {
        String closed;
        try (FakePlatform gone = new FakePlatform()) {
            closed = gone.base();
        }
        Map<String, String> env = new HashMap<>(platform.env());
        env.put("FENGXING_API", closed);
        Run api = run(env, "list");
        assertEquals(3, api.exit(), api.err());
        assertTrue(api.err().contains("cannot reach the API at " + closed), api.err());

        env.put("FENGXING_ISSUER", closed + "/realms/test");
        Run issuer = run(env, "list");
        assertEquals(3, issuer.exit(), issuer.err());
        assertTrue(issuer.err().contains("cannot reach the issuer"), issuer.err());
    }

    @Test
    void waitReturnsOnceTheApiIsReadyWithoutAToken() {
        platform.readiness(503, 503, 200);
        Run run = run("wait", "--timeout=30", "--interval=0");

        assertEquals(0, run.exit(), run.err());
        assertEquals(3, platform.readinessRequests().size());
        assertTrue(platform.tokenRequests().isEmpty(), "readiness needs no token");
        assertTrue(run.out().contains("the API is ready"), run.out());
    }

    @Test
    void waitGivesUpAfterItsTimeout() throws IOException {
        platform.readiness(503);
        Run notReady = run("wait", "--timeout=0");
        assertEquals(3, notReady.exit());
        assertTrue(notReady.err().contains("the API is not ready after 0 s: " + platform.base()
                + "/q/health/ready answered 503"), notReady.err());

        String closed;
        try (FakePlatform gone = new FakePlatform()) {
            closed = gone.base();
        }
        Map<String, String> env = new HashMap<>(platform.env());
        env.put("FENGXING_API", closed);
        Run unreachable = run(env, "wait", "--timeout=0");
        assertEquals(3, unreachable.exit());
        assertTrue(unreachable.err().contains("cannot reach the API at " + closed), unreachable.err());
    }

    // ---------------------------------------------------------------- diff

    @Test
    void diffPrintsTheDryRunsChangesAndExits4() throws IOException {
        platform.on("PUT /api/platform/tenants/demo", Answer.json(200, """
                {"code":"demo","outcome":"updated","dryRun":true,
                 "changes":["~ name: 演示镇 -> 新演示镇","+ community c02","- grid c01-g09"]}"""));
        Path manifest = manifestWithGridsFile();

        Run run = run("diff", "-f", manifest.toString());

        assertEquals(DiffCommand.CHANGES, run.exit(), run.err());
        Recorded put = platform.apiRequests().get(0);
        assertEquals("PUT", put.method());
        assertEquals("dryRun=true", put.query());
        assertEquals("c01-g01", JSON.readTree(put.body()).at("/grids/features/0/properties/code").asText(),
                "the grids file is inlined as for apply");
        assertTrue(run.out().contains("tenant demo: applying " + manifest + " would update it (3 changes: 1 to add, "
                + "1 to change, 1 to remove)"), run.out());
        assertTrue(run.out().contains("  ~ name: 演示镇 -> 新演示镇\n  + community c02\n  - grid c01-g09\n"), run.out());
        assertTrue(run.out().contains("nothing was saved"), run.out());
    }

    @Test
    void diffOfAnUpToDateTenantExits0AndOfANewOneSaysItWouldBeCreated() throws IOException {
        Path manifest = manifestWithGridsFile();
        platform.on("PUT /api/platform/tenants/demo", Answer.json(200,
                "{\"code\":\"demo\",\"outcome\":\"unchanged\",\"dryRun\":true,\"changes\":[]}"));
        Run same = run("diff", "-f", manifest.toString());
        assertEquals(0, same.exit(), same.err());
        assertTrue(same.out().contains("tenant demo: up to date"), same.out());

        platform.on("PUT /api/platform/tenants/demo", Answer.json(200,
                "{\"code\":\"demo\",\"outcome\":\"created\",\"dryRun\":true,\"changes\":[\"+ tenant demo\"]}"));
        Run created = run("diff", "-f", manifest.toString());
        assertEquals(4, created.exit(), created.err());
        assertTrue(created.out().contains("would create it (1 change: 1 to add, 0 to change, 0 to remove)"),
                created.out());
    }

    @Test
    void diffRefusesAnAnswerThatIsNotADryRunAndExits2OnABadManifest() throws IOException {
        platform.on("PUT /api/platform/tenants/demo", Answer.json(200, APPLIED));
        Run run = run("diff", "-f", manifestWithGridsFile().toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("did not answer with a dry run"), run.err());

        Run missing = run("diff", "-f", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.exit());
    }

    // ---------------------------------------------------------------- offboard

    private static final String SUSPENDED = "{\"code\":\"demo\",\"name\":\"演示镇\",\"status\":\"suspended\"}";
    private static final String OFFBOARDED = """
            {"code":"demo","rows":{"report":2,"grid":3,"squad":0,"tenant":1},"files":4}""";

    private byte[] exportArchive(String tenantRow) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("platform/tenant.jsonl"));
            zip.write((tenantRow + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("tenant/report.jsonl"));
            zip.write("{\"id\":1}\n{\"id\":2}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("files/demo/reports/1/a.jpg"));
            zip.write(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private void suspendedTenantWithExport(byte[] archive) {
        platform.on("GET /api/platform/tenants/demo", Answer.json(200, SUSPENDED));
        platform.on("GET /api/platform/tenants/demo/export", new Answer(200, "application/zip", archive));
        platform.on("DELETE /api/platform/tenants/demo", Answer.json(200, OFFBOARDED));
    }

    private List<String> calls() {
        return platform.apiRequests().stream().map(r -> r.method() + " " + r.path()
                + (r.query() == null ? "" : "?" + r.query())).toList();
    }

    @Test
    void offboardExportsVerifiesThenDeletesWithYes() throws IOException {
        byte[] archive = exportArchive("{\"code\":\"demo\",\"name\":\"演示镇\"}");
        suspendedTenantWithExport(archive);
        Path target = dir.resolve("out/demo.zip");

        Run run = run("offboard", "demo", "-o", target.toString(), "--yes");

        assertEquals(0, run.exit(), run.err());
        assertArrayEquals(archive, Files.readAllBytes(target));
        assertEquals(List.of("GET /api/platform/tenants/demo", "GET /api/platform/tenants/demo/export",
                "DELETE /api/platform/tenants/demo?confirm=demo"), calls());
        assertTrue(run.out().contains("exported tenant demo: " + archive.length + " bytes, 3 entries, to " + target),
                run.out());
        assertTrue(run.out().contains("offboarded tenant demo: deleted 6 rows in 3 tables and 4 files"), run.out());
        assertFalse(run.out().contains("Type the tenant code"), run.out());
    }

    @Test
    void offboardAsksForTheCodeAndDeletesOnlyWhenItIsTyped() throws IOException {
        suspendedTenantWithExport(exportArchive("{\"code\":\"demo\"}"));

        Run wrong = runTyping("dem\n", "offboard", "demo", "-o", dir.resolve("a.zip").toString());
        assertEquals(1, wrong.exit());
        assertTrue(wrong.out().contains("This deletes tenant demo (演示镇) and all of its data and files for good."),
                wrong.out());
        assertTrue(wrong.err().contains("not confirmed; tenant demo was not deleted"), wrong.err());
        assertTrue(Files.exists(dir.resolve("a.zip")), "the export stays");

        Run none = run("offboard", "demo", "-o", dir.resolve("b.zip").toString());
        assertEquals(1, none.exit(), "no input: not confirmed");
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("DELETE")), calls().toString());

        Run typed = runTyping("demo\n", "offboard", "demo", "-o", dir.resolve("c.zip").toString());
        assertEquals(0, typed.exit(), typed.err());
        assertEquals("DELETE /api/platform/tenants/demo?confirm=demo", calls().get(calls().size() - 1));
    }

    @Test
    void offboardRefusesAnActiveTenantWithoutExportingOrDeleting() {
        platform.on("GET /api/platform/tenants/demo", Answer.json(200,
                "{\"code\":\"demo\",\"name\":\"演示镇\",\"status\":\"active\"}"));
        Path target = dir.resolve("demo.zip");

        Run run = run("offboard", "demo", "-o", target.toString(), "--yes");

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("tenant demo is active; suspend it first"), run.err());
        assertEquals(List.of("GET /api/platform/tenants/demo"), calls());
        assertFalse(Files.exists(target));
    }

    @Test
    void offboardDeletesNothingWhenTheExportIsNotWhole() throws IOException {
        byte[] archive = exportArchive("{\"code\":\"demo\"}");
        suspendedTenantWithExport(java.util.Arrays.copyOf(archive, archive.length - 30));
        Run truncated = run("offboard", "demo", "-o", dir.resolve("t.zip").toString(), "--yes");
        assertEquals(1, truncated.exit());
        assertTrue(truncated.err().contains("is not a whole zip archive"), truncated.err());

        suspendedTenantWithExport(exportArchive("{\"code\":\"other\"}"));
        Run foreign = run("offboard", "demo", "-o", dir.resolve("f.zip").toString(), "--yes");
        assertEquals(1, foreign.exit());
        assertTrue(foreign.err().contains("does not hold tenant demo's own row"), foreign.err());

        platform.on("GET /api/platform/tenants/demo/export", Answer.problem(500,
                "{\"title\":\"Internal Server Error\",\"status\":500}"));
        Run failed = run("offboard", "demo", "-o", dir.resolve("e.zip").toString(), "--yes");
        assertEquals(1, failed.exit());
        assertFalse(Files.exists(dir.resolve("e.zip")));

        assertTrue(calls().stream().noneMatch(c -> c.startsWith("DELETE")), calls().toString());
    }

    @Test
    void offboardNeverReplacesAnEarlierExportAndShowsTheApisRefusal() throws IOException {
        Path earlier = dir.resolve("earlier.zip");
        Files.writeString(earlier, "kept");
        Run exists = run("offboard", "demo", "-o", earlier.toString(), "--yes");
        assertEquals(2, exists.exit());
        assertEquals("kept", Files.readString(earlier));
        assertTrue(platform.apiRequests().isEmpty());

        suspendedTenantWithExport(exportArchive("{\"code\":\"demo\"}"));
        platform.on("DELETE /api/platform/tenants/demo", Answer.problem(409,
                "{\"title\":\"冲突\",\"status\":409,\"detail\":\"乡镇/街道 demo 仍在使用中\"}"));
        Run refused = run("offboard", "demo", "-o", dir.resolve("r.zip").toString(), "--yes");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("error: 409 冲突: 乡镇/街道 demo 仍在使用中"), refused.err());
    }
}
