package cn.fengxing.report;

import cn.fengxing.report.api.ReportAction;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.support.Db;
import cn.fengxing.support.Photos;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.fengxing.support.Reports.as;
import static cn.fengxing.support.Reports.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Snap-and-report 随手拍 and dispatch 专员派单: filing, photos, idempotency, the case flow and its transition table. */
@QuarkusTest
class ReportFlowTest {

    static final String T = "rp-a";
    static final double LON = 113.5;
    static final double LAT = 25.5;

    static final String RIDER = TestTenants.member(T, "rider");
    static final String DISPATCHER = TestTenants.member(T, "dispatcher");
    static final String HANDLER = TestTenants.member(T, "handler");

    @BeforeEach
    void township() {
        TestTenants.onboard(T, LON, LAT);
    }

    static long file(String category) {
        return Reports.file(T, category, LON, LAT);
    }

    static String state(long id) {
        return Db.strings("select state from report where id = " + id).get(0);
    }

    @Test
    void aRiderFilesAReportPlacedInItsGridWithPhotosThatKeepNoMetadata() throws Exception {
        Response filed = submission(RIDER, UUID.randomUUID().toString(), "manhole-cover", LON + 0.001, LAT + 0.001)
                .multiPart("photos", "close-up.png", Photos.png(800, 600), "image/png")
                .post("/api/t/" + T + "/reports");
        filed.then().statusCode(201)
                .body("state", equalTo("submitted"))
                .body("category.code", equalTo("manhole-cover"))
                .body("category.name", equalTo("井盖"))
                .body("community.code", equalTo("c1"))
                .body("grid.code", equalTo("g1"))
                .body("mine", equalTo(true))
                .body("photos", hasSize(2))
                .body("photos[0].width", equalTo(1920))
                .body("photos[0].height", equalTo(1440))
                .body("timeline[0].action", equalTo("submit"))
                .body("timeline[0].toState", equalTo("submitted"))
                .body("feedback", notNullValue());
        long id = filed.jsonPath().getLong("id");
        long photo = filed.jsonPath().getLong("photos[0].id");

        // the SLA clock: the township's default 10 minutes to dispatch, 72 hours to resolve
        assertThat(Db.count("select extract(epoch from dispatch_due - created_at)::bigint from report where id = " + id))
                .isEqualTo(600);
        assertThat(Db.count("select (extract(epoch from resolve_due - created_at) / 3600)::bigint from report where id = " + id))
                .isEqualTo(72);

        byte[] served = as(RIDER).get("/api/t/" + T + "/reports/" + id + "/photos/" + photo)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(Photos.metadata(served)).doesNotContain("GPS", "Exif IFD0", "Exif SubIFD")
                .noneMatch(name -> name.startsWith("Exif"));
        byte[] thumb = as(DISPATCHER).queryParam("size", "thumb").get("/api/t/" + T + "/reports/" + id + "/photos/" + photo)
                .then().statusCode(200).extract().asByteArray();
        assertThat(thumb.length).isLessThan(served.length);
        // the file in the store, read back byte for byte, carries no location either
        String key = Db.strings("select storage_key from report_photo where id = " + photo).get(0);
        byte[] stored = Files.readAllBytes(Path.of("target/blobs", key + ".jpg"));
        assertThat(stored).isEqualTo(served);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("FengxingTestPhone");
        assertThat(Photos.metadata(stored)).doesNotContain("GPS");
    }

    @Test
    void tenRetriesOfOneSubmissionSentAtOnceFileOneReport() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Response>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Callable<Response> send = () -> submission(RIDER, key, "road-damage", LON, LAT).post("/api/t/" + T + "/reports");
            sent.add(pool.submit(send));
        }
        List<Integer> statuses = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Future<Response> f : sent) {
            statuses.add(f.get().statusCode());
            ids.add(f.get().jsonPath().getLong("id"));
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(Db.count("select count(*) from report where tenant_id = '" + T + "' and idempotency_key = '" + key + "'"))
                .isEqualTo(1);
        assertThat(Db.count("select count(*) from report_photo where report_id = " + ids.get(0))).isEqualTo(1);
    }

    @Test
    void badSubmissionsAreProblemsAndFileNothing() {
        long before = Db.count("select count(*) from report where tenant_id = '" + T + "'");
        String reports = "/api/t/" + T + "/reports";
        as(RIDER).multiPart("category", "road-damage").multiPart("description", "坑").multiPart("lon", "113.5")
                .multiPart("lat", "25.5").post(reports)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("photos"));
        submission(RIDER, null, "road-damage", LON, LAT)
                .multiPart("photos", "notes.jpg", "not a picture".getBytes(), "image/jpeg").post(reports)
                .then().statusCode(400).body("errors.field", hasItems("photos[1]"));
        submission(RIDER, null, "no-such-category", LON, LAT).post(reports)
                .then().statusCode(400).body("errors.field", hasItems("category"));
        submission(RIDER, null, "road-damage", 200, LAT).post(reports).then().statusCode(400);
        submission(RIDER, "bad key with spaces", "road-damage", LON, LAT).post(reports).then().statusCode(400)
                .body("detail", notNullValue());
        RequestSpecification four = submission(RIDER, null, "road-damage", LON, LAT);
        for (int i = 0; i < 3; i++) {
            four.multiPart("photos", "more" + i + ".png", Photos.png(100, 100), "image/png");
        }
        four.post(reports).then().statusCode(400).body("errors.field", hasItems("photos"));
        // a member who is not a rider cannot file
        submission(DISPATCHER, null, "road-damage", LON, LAT).post(reports).then().statusCode(403);
        assertThat(Db.count("select count(*) from report where tenant_id = '" + T + "'")).isEqualTo(before);
    }

    @Test
    void theWholeLoopEndsClosedFixedAndTellsTheRiderAtEachStep() {
        long id = file("road-damage");
        String base = "/api/t/" + T + "/dispatch/reports/" + id;

        as(DISPATCHER).get(base + "/proposal").then().statusCode(200).body("routing.matched", notNullValue());
        as(DISPATCHER).contentType(ContentType.JSON)
                .body(Map.of("kind", "handler", "subject", HANDLER, "note", "请尽快处置"))
                .post(base + "/dispatch").then().statusCode(200)
                .body("state", equalTo("dispatched"))
                .body("assignee.subject", equalTo(HANDLER))
                .body("assignee.name", equalTo(T + " handler"));
        assertThat(Db.count("select count(*) from outbox_event where type = 'report.accepted' and aggregate_id = '" + id + "'"))
                .isEqualTo(1);

        as(HANDLER).queryParam("mine", true).get("/api/t/" + T + "/dispatch/queue").then().statusCode(200)
                .body("items.id", hasItems((int) id));
        as(HANDLER).post(base + "/accept").then().statusCode(200).body("state", equalTo("in_progress"));
        as(HANDLER).contentType(ContentType.JSON).body(Map.of("reason", "已联系市政"))
                .post(base + "/progress").then().statusCode(200);
        as(HANDLER).multiPart("note", "已更换井盖")
                .multiPart("photos", "fixed.jpg", Photos.jpegWithGps(1000, 800, LON, LAT), "image/jpeg")
                .post(base + "/resolve").then().statusCode(200)
                .body("state", equalTo("resolved"))
                .body("timeline.findAll { it.action == 'resolve' }[0].photoIds", hasSize(1));

        Response verified = as(RIDER).multiPart("fixed", "true").multiPart("rating", "5").multiPart("comment", "很快")
                .post("/api/t/" + T + "/reports/" + id + "/verification");
        verified.then().statusCode(200)
                .body("state", equalTo("closed_fixed"))
                .body("verified", equalTo(true))
                .body("rating", equalTo(5));
        assertThat(verified.jsonPath().getList("timeline.action"))
                .containsExactly("submit", "dispatch", "accept", "progress", "resolve", "verify_fixed");
        assertThat(verified.jsonPath().getList("timeline.actorName"))
                .containsExactly(T + " rider", T + " dispatcher", T + " handler", T + " handler", T + " handler", T + " rider");
        // every state change told the rider something, in their language
        assertThat(verified.jsonPath().getList("timeline.findAll { it.toState != null }.feedback")).doesNotContainNull();
        as(RIDER).header("Accept-Language", "en").get("/api/t/" + T + "/reports/" + id).then()
                .body("category.name", equalTo("Road damage"));
        // the handler's photo lost its GPS too
        long photo = verified.jsonPath().getLong("photos.find { it.purpose == 'resolution' }.id");
        byte[] bytes = as(RIDER).get("/api/t/" + T + "/reports/" + id + "/photos/" + photo).then().statusCode(200)
                .extract().asByteArray();
        assertThat(Photos.metadata(bytes)).doesNotContain("GPS");
        // a second dispatch after closing is illegal: 409, and nothing changes
        as(DISPATCHER).contentType(ContentType.JSON).body(Map.of("kind", "handler", "subject", HANDLER))
                .post(base + "/dispatch").then().statusCode(409).contentType(startsWith("application/problem+json"));
        assertThat(state(id)).isEqualTo("closed_fixed");
    }

    @Test
    void notFixedReopensTheReportAndTheDispatcherCanCloseItAsNotFixable() {
        long id = file("street-light");
        String base = "/api/t/" + T + "/dispatch/reports/" + id;
        as(DISPATCHER).contentType(ContentType.JSON).body(Map.of("kind", "handler", "subject", HANDLER))
                .post(base + "/dispatch").then().statusCode(200);
        as(HANDLER).post(base + "/accept").then().statusCode(200);
        as(HANDLER).multiPart("note", "已报修").post(base + "/resolve").then().statusCode(200);
        // only the reporting rider verifies
        as(TestTenants.admin(T)).multiPart("fixed", "false").post("/api/t/" + T + "/reports/" + id + "/verification")
                .then().statusCode(403);
        as(RIDER).multiPart("fixed", "false").multiPart("rating", "2")
                .post("/api/t/" + T + "/reports/" + id + "/verification").then().statusCode(200)
                .body("state", equalTo("reopened"));
        as(DISPATCHER).contentType(ContentType.JSON).body(Map.of("reason", "线路改造需等三月"))
                .post(base + "/close").then().statusCode(200)
                .body("state", equalTo("closed_not_fixed"))
                .body("timeline[-1].note", equalTo("线路改造需等三月"));
    }

    @Test
    void aHeldReportCannotBeWorkedByAnotherDispatcher() {
        long id = file("garbage");
        String base = "/api/t/" + T + "/dispatch/reports/" + id;
        String other = TestTenants.admin(T);
        as(DISPATCHER).put(base + "/hold").then().statusCode(200)
                .body("hold.subject", equalTo(DISPATCHER)).body("hold.until", notNullValue());
        as(other).put(base + "/hold").then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString(T + " dispatcher"));
        as(other).contentType(ContentType.JSON).body(Map.of("kind", "handler", "subject", HANDLER))
                .post(base + "/dispatch").then().statusCode(409);
        assertThat(state(id)).isEqualTo("submitted");
        // the queue shows who holds it
        as(other).get("/api/t/" + T + "/dispatch/queue?state=submitted").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.hold.name", equalTo(T + " dispatcher"));
        as(DISPATCHER).delete(base + "/hold").then().statusCode(200);
        as(other).put(base + "/hold").then().statusCode(200).body("hold.subject", equalTo(other));
        // an expired hold no longer blocks anyone
        Db.strings("update report set lock_until = now() - interval '1 second' where id = " + id + " returning id");
        as(DISPATCHER).put(base + "/hold").then().statusCode(200).body("hold.subject", equalTo(DISPATCHER));
    }

    @Test
    void meTooJoinsAnOpenReportNearbyInsteadOfFilingAnother() {
        long id = file("flyposting");
        String other = TestTenants.member(T, "rider2");
        as(RIDER).get("/api/t/" + T + "/reports/nearby?category=flyposting&lon=" + (LON + 0.0005) + "&lat=" + LAT)
                .then().statusCode(200).body("id", hasItems((int) id));
        // far away (about 1 km) it is not nearby
        as(RIDER).get("/api/t/" + T + "/reports/nearby?category=flyposting&lon=" + (LON + 0.01) + "&lat=" + LAT)
                .then().statusCode(200).body("findAll { it.id == " + id + " }", hasSize(0));
        as(RIDER).post("/api/t/" + T + "/reports/" + id + "/me-too").then().statusCode(409);
        // someone who is not a member of the township cannot see or join it
        as(other).post("/api/t/" + T + "/reports/" + id + "/me-too").then().statusCode(403);
    }

    /** Every state × every action reachable through the API: allowed ones lead to their state, the rest are 409. */
    @Test
    void theTransitionTableHoldsForEveryStateAndAction() {
        long original = file("pipe-leak");
        long id = file("pipe-leak");
        String base = "/api/t/" + T + "/dispatch/reports/" + id;
        for (ReportState from : ReportState.values()) {
            for (ReportAction action : ReportAction.values()) {
                if (action == ReportAction.auto_close) {
                    continue; // no endpoint: the scheduled auto-close, tested with the scheduler
                }
                Db.strings("update report set state = '" + from + "', duplicate_of = "
                        + (from == ReportState.duplicate ? original : "null")
                        + ", assignee_kind = 'handler', assignee_subject = '" + HANDLER + "', department_id = null,"
                        + " lock_subject = null, lock_until = null where id = " + id + " returning id");
                Response r = switch (action) {
                    case dispatch -> as(DISPATCHER).contentType(ContentType.JSON)
                            .body(Map.of("kind", "handler", "subject", HANDLER)).post(base + "/dispatch");
                    case reject -> as(DISPATCHER).contentType(ContentType.JSON).body(Map.of("reason", "非辖区事项"))
                            .post(base + "/reject");
                    case mark_duplicate -> as(DISPATCHER).contentType(ContentType.JSON).body(Map.of("of", original))
                            .post(base + "/duplicate");
                    case accept -> as(HANDLER).post(base + "/accept");
                    case send_back -> as(HANDLER).contentType(ContentType.JSON).body(Map.of("reason", "不属本网格"))
                            .post(base + "/send-back");
                    case resolve -> as(HANDLER).multiPart("note", "已处置").post(base + "/resolve");
                    case verify_fixed, verify_not_fixed -> as(RIDER)
                            .multiPart("fixed", String.valueOf(action == ReportAction.verify_fixed))
                            .post("/api/t/" + T + "/reports/" + id + "/verification");
                    case close_not_fixed -> as(DISPATCHER).contentType(ContentType.JSON).body(Map.of("reason", "无法修复"))
                            .post(base + "/close");
                    case auto_close -> throw new IllegalStateException();
                };
                String expected = action.allowedFrom(from) ? action.target().name() : from.name();
                assertThat(r.statusCode()).as(from + " × " + action).isEqualTo(action.allowedFrom(from) ? 200 : 409);
                assertThat(state(id)).as(from + " × " + action).isEqualTo(expected);
            }
        }
    }
}
