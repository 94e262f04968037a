package cn.fengxing.suggestion;

import cn.fengxing.region.ComparisonJson;
import cn.fengxing.region.service.TownshipFigureRefresher;
import cn.fengxing.support.Db;
import cn.fengxing.support.Race;
import cn.fengxing.support.Photos;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Suggestions 意见建议: raised with and without a photo (checked and re-encoded like a report's), retries, the
 * township's answer and decision and the steps out of order, who may do what, townships kept apart, and the figures
 * of regional comparison.
 */
@QuarkusTest
class SuggestionsApiTest {

    static final String A = "sg-a";
    static final String B = "sg-b";
    static final String RIDER = TestTenants.member(A, "rider");
    static final String OTHER_RIDER = A + "-rider-2";
    static final String DISPATCHER = TestTenants.member(A, "dispatcher");
    static final String HANDLER = TestTenants.member(A, "handler");
    static final String KEEPER = TestTenants.member(A, "station_keeper");
    static final String B_RIDER = TestTenants.member(B, "rider");

    @Inject
    TownshipFigureRefresher refresher;

    @BeforeEach
    void townships() {
        TestTenants.onboardWithRiders(A, 117.0, 28.0, List.of(OTHER_RIDER));
        TestTenants.onboard(B, 118.0, 28.0);
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.execute("delete from suggestion where tenant_id in ('" + A + "', '" + B + "')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject)).contentType(ContentType.JSON);
    }

    static String base(String tenant) {
        return "/api/t/" + tenant + "/suggestions";
    }

    static RequestSpecification form(String subject, String category, String text, String requestId) {
        RequestSpecification r = given().auth().oauth2(Tokens.of(subject)).contentType("multipart/form-data");
        if (category != null) {
            r.multiPart("category", category);
        }
        if (text != null) {
            r.multiPart("text", text, "text/plain; charset=utf-8");
        }
        if (requestId != null) {
            r.multiPart("requestId", requestId);
        }
        return r;
    }

    static Response raise(String subject, String tenant, String text, String requestId) {
        return form(subject, "stations", text, requestId).post(base(tenant));
    }

    static long raised(String text) {
        return raise(RIDER, A, text, UUID.randomUUID().toString()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    @Test
    void aRiderRaisesOneWithAPhotoStoredWithoutItsMetadata() {
        Response created = form(RIDER, "stations", "希望城北商业街驿站加装充电柜，晚高峰排队太久", "photo-1")
                .multiPart("photos", "charging.jpg", Photos.jpegWithGps(2400, 1800, 117.0, 28.0), "image/jpeg")
                .post(base(A));
        created.then().statusCode(201).body("state", equalTo("received")).body("category", equalTo("stations"))
                .body("hasPhoto", equalTo(true)).body("channel", equalTo("app"))
                .body("riderName", equalTo(A + " 骑手")).body("answer", nullValue());
        long id = created.jsonPath().getLong("id");
        byte[] served = as(RIDER).get(base(A) + "/" + id + "/photo").then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(Photos.metadata(served)).doesNotContain("GPS", "Exif IFD0");
        byte[] thumb = as(DISPATCHER).queryParam("size", "thumb").get(base(A) + "/" + id + "/photo").then()
                .statusCode(200).extract().asByteArray();
        assertThat(thumb.length).isLessThan(served.length);
        // the files are real: under the township's folder of suggestions
        String key = Db.strings("select photo_key from suggestion where id = " + id).get(0);
        assertThat(key).startsWith(A + "/suggestions/");
        assertThat(Db.count("select photo_width from suggestion where id = " + id)).isEqualTo(1920);
        // another rider of the township sees neither it nor its photo
        as(OTHER_RIDER).get(base(A) + "/" + id).then().statusCode(404);
        as(OTHER_RIDER).get(base(A) + "/" + id + "/photo").then().statusCode(404);
        as(RIDER).queryParam("size", "huge").get(base(A) + "/" + id + "/photo").then().statusCode(400);
    }

    @Test
    void withoutAPhotoThereIsNoneToGet() {
        long id = raised("小区门禁不让电动车进，送餐只能走进去，能否设临时停车点");
        as(RIDER).get(base(A) + "/" + id).then().statusCode(200).body("hasPhoto", equalTo(false))
                .body("text", equalTo("小区门禁不让电动车进，送餐只能走进去，能否设临时停车点"));
        as(RIDER).get(base(A) + "/" + id + "/photo").then().statusCode(404);
    }

    @Test
    void aRetryRaisesOnce() throws Exception {
        String id = raise(RIDER, A, "夜间配送路段路灯太暗", "retry-1").then().statusCode(201).extract().path("id")
                .toString();
        raise(RIDER, A, "夜间配送路段路灯太暗", "retry-1").then().statusCode(200).body("id", equalTo(Integer.parseInt(id)));
        // the same id from another rider is another suggestion
        raise(OTHER_RIDER, A, "夜间配送路段路灯太暗", "retry-1").then().statusCode(201);
        // twins sent at once: one suggestion
        List<Callable<Integer>> twins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            twins.add(() -> form(RIDER, "rights", "希望统一购买意外险", "twin").multiPart("photos", "p.png",
                    Photos.png(200, 150), "image/png").post(base(A)).statusCode());
        }
        List<Integer> statuses = Race.run(twins);
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(Db.count("select count(*) from suggestion where tenant_id = '" + A + "' and request_id = 'twin'"))
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedByField() {
        form(RIDER, "weather", "文字", "bad-1").post(base(A)).then().statusCode(400)
                .body("errors.field", hasItem("category"));
        form(RIDER, "stations", null, "bad-2").post(base(A)).then().statusCode(400).body("errors.field", hasItem("text"));
        form(RIDER, "stations", "x".repeat(1001), "bad-3").post(base(A)).then().statusCode(400)
                .body("errors.field", hasItem("text"));
        form(RIDER, "stations", "有\u0000空字节", "bad-4").post(base(A)).then().statusCode(400)
                .body("errors.field", hasItem("text"));
        form(RIDER, "stations", "控制\u0007字符", "bad-5").post(base(A)).then().statusCode(400)
                .body("errors.field", hasItem("text"));
        form(RIDER, "stations", "没有请求号", null).post(base(A)).then().statusCode(400)
                .body("errors.field", hasItem("requestId"));
        form(RIDER, "stations", "请求号不对", "bad id/..").post(base(A)).then().statusCode(400)
                .body("errors.field", hasItem("requestId"));
        // photos: not an image, empty, two of them, and larger than the limit
        form(RIDER, "stations", "照片不是图片", "bad-6")
                .multiPart("photos", "notes.jpg", "not a picture".getBytes(), "image/jpeg").post(base(A)).then()
                .statusCode(400).body("errors.field", hasItem("photos[0]"));
        form(RIDER, "stations", "照片坏了", "bad-7")
                .multiPart("photos", "broken.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3, 4},
                        "image/jpeg").post(base(A)).then().statusCode(400).body("errors.field", hasItem("photos[0]"));
        form(RIDER, "stations", "两张照片", "bad-8")
                .multiPart("photos", "a.png", Photos.png(100, 100), "image/png")
                .multiPart("photos", "b.png", Photos.png(100, 100), "image/png").post(base(A)).then().statusCode(400)
                .body("errors.field", hasItem("photos"));
        byte[] huge = new byte[11 * 1024 * 1024];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        huge[2] = (byte) 0xff;
        form(RIDER, "stations", "照片太大", "bad-9").multiPart("photos", "huge.jpg", huge, "image/jpeg").post(base(A))
                .then().statusCode(400).body("errors.field", hasItem("photos[0]"));
        // a body that claims to be multipart but is not
        given().auth().oauth2(Tokens.of(RIDER)).contentType("multipart/form-data; boundary=xyz")
                .body("--xyz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunterminated".getBytes(
                        StandardCharsets.UTF_8)).post(base(A)).then().statusCode(400);
        // nothing was raised, and no file is left behind
        assertThat(Db.count("select count(*) from suggestion where tenant_id = '" + A + "'")).isZero();
        assertThat(Db.count("select count(*) from blob_pending where blob_key like '" + A + "/suggestions/%'")).isZero();
    }

    @Test
    void theTownshipAnswersThenDecidesAndTheRiderReadsIt() {
        long id = raised("希望驿站增加饮水机和微波炉");
        as(DISPATCHER).body(Map.of("answer", "已协调驿站在下月配齐饮水机和微波炉。"))
                .post(base(A) + "/" + id + "/answer").then().statusCode(200).body("state", equalTo("answered"))
                .body("answeredBy", equalTo(A + " dispatcher"));
        // the rider reads the answer and who gave it, by name
        as(RIDER).get(base(A) + "/mine").then().statusCode(200).body("items[0].id", equalTo((int) id))
                .body("items[0].state", equalTo("answered"))
                .body("items[0].answer", equalTo("已协调驿站在下月配齐饮水机和微波炉。"))
                .body("items[0].answeredBy", equalTo(A + " dispatcher"));
        // answered once; the desk does not decide adoption
        as(TestTenants.admin(A)).body(Map.of("answer", "再答一次")).post(base(A) + "/" + id + "/answer").then()
                .statusCode(409);
        as(DISPATCHER).body(Map.of("adopted", true)).post(base(A) + "/" + id + "/decision").then().statusCode(403);
        as(TestTenants.admin(A)).body(Map.of("adopted", true, "note", "已列入驿站提升计划"))
                .post(base(A) + "/" + id + "/decision").then().statusCode(200).body("state", equalTo("adopted"))
                .body("decidedBy", equalTo(A + " tenant_admin")).body("decisionNote", equalTo("已列入驿站提升计划"));
        as(TestTenants.admin(A)).body(Map.of("adopted", false, "note", "改主意"))
                .post(base(A) + "/" + id + "/decision").then().statusCode(409);
        as(RIDER).get(base(A) + "/" + id).then().statusCode(200).body("state", equalTo("adopted"));
    }

    @Test
    void stepsOutOfOrderAreConflictsAndNotAdoptedNeedsANote() {
        long id = raised("送餐高峰电梯不让外卖员用");
        as(TestTenants.admin(A)).body(Map.of("adopted", true)).post(base(A) + "/" + id + "/decision").then()
                .statusCode(409);
        as(TestTenants.admin(A)).body(Map.of("answer", "已与物业沟通，高峰时段开放一部电梯。"))
                .post(base(A) + "/" + id + "/answer").then().statusCode(200);
        as(TestTenants.admin(A)).body(Map.of("adopted", false)).post(base(A) + "/" + id + "/decision").then()
                .statusCode(400).body("errors.field", hasItem("note"));
        as(TestTenants.admin(A)).body(Map.of("adopted", false, "note", "  ")).post(base(A) + "/" + id + "/decision")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        as(TestTenants.admin(A)).body(Map.of("answer", "")).post(base(A) + "/" + id + "/answer").then()
                .statusCode(400).body("errors.field", hasItem("answer"));
        as(TestTenants.admin(A)).body(Map.of("adopted", false, "note", "电梯归业主所有，另设货梯通道"))
                .post(base(A) + "/" + id + "/decision").then().statusCode(200).body("state", equalTo("not_adopted"));
        as(TestTenants.admin(A)).body(Map.of("answer", "再答")).post(base(A) + "/" + id + "/answer").then()
                .statusCode(409);
        as(TestTenants.admin(A)).body(Map.of("adopted", true)).post(base(A) + "/" + id + "/decision").then()
                .statusCode(409);
        as(TestTenants.admin(A)).body(Map.of("answer", "无此条")).post(base(A) + "/999999999/answer").then()
                .statusCode(404);
    }

    @Test
    void staffRecordOneRaisedAtAForum() {
        long rider = Long.parseLong(Db.strings("select id from rider where tenant_id = '" + A + "' and subject = '"
                + RIDER + "'").get(0));
        long forum = forum(A);
        Map<String, Object> body = new HashMap<>(Map.of("category", "rights", "text", "恳谈会上提出：希望明确超时扣款标准",
                "riderId", rider, "eventId", forum, "requestId", "forum-1"));
        as(DISPATCHER).body(body).post(base(A) + "/forum").then().statusCode(201).body("channel", equalTo("forum"))
                .body("recordedBy", equalTo(A + " dispatcher")).body("riderName", equalTo(A + " 骑手"))
                .body("eventId", equalTo((int) forum)).body("eventTitle", equalTo("骑手恳谈会"));
        as(DISPATCHER).body(body).post(base(A) + "/forum").then().statusCode(200);
        // the rider finds it among their own
        as(RIDER).get(base(A) + "/mine").then().statusCode(200).body("items.channel", hasItem("forum"));
        // nobody named
        as(TestTenants.admin(A)).body(Map.of("category", "community", "text", "希望社区开放夜间临时停车点",
                "requestId", "forum-2")).post(base(A) + "/forum").then().statusCode(201).body("riderName", nullValue());
        // a rider of another township, and bad input
        long bRider = Long.parseLong(Db.strings("select id from rider where tenant_id = '" + B + "'").get(0));
        as(DISPATCHER).body(Map.of("category", "rights", "text", "别处骑手", "riderId", bRider, "requestId", "forum-3"))
                .post(base(A) + "/forum").then().statusCode(400).body("errors.field", hasItem("riderId"));
        // another township's forum, and one that does not exist: refused by field, nothing recorded
        for (long event : new long[] {forum(B), Long.MAX_VALUE}) {
            as(DISPATCHER).body(Map.of("category", "rights", "text", "别处的恳谈会", "eventId", event,
                    "requestId", "forum-6-" + event)).post(base(A) + "/forum").then().statusCode(400)
                    .body("errors.field", hasItem("eventId"));
        }
        assertEquals(2, Db.count("select count(*) from suggestion where tenant_id = '" + A + "'"));
        as(DISPATCHER).body(Map.of("category", "unknown", "text", "x", "requestId", "forum-4"))
                .post(base(A) + "/forum").then().statusCode(400);
        as(DISPATCHER).body(Map.of("category", "rights", "text", "\u0000", "requestId", "forum-5"))
                .post(base(A) + "/forum").then().statusCode(400).body("errors.field", hasItem("text"));
    }

    /** A riders' forum 恳谈会 of the township, held yesterday at its party-service centre. */
    static long forum(String tenant) {
        var start = java.time.OffsetDateTime.now().minusDays(1);
        return as(TestTenants.admin(tenant)).body(Map.of("kind", "forum", "title", "骑手恳谈会", "startsAt",
                        start.toString(), "endsAt", start.plusHours(2).toString(), "address", "党群服务中心"))
                .post("/api/t/" + tenant + "/events").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theListFiltersAndPages() {
        long first = raised("第一条");
        raised("第二条");
        form(RIDER, "rights", "第三条", "list-3").post(base(A)).then().statusCode(201);
        as(DISPATCHER).body(Map.of("answer", "收到")).post(base(A) + "/" + first + "/answer").then().statusCode(200);
        as(DISPATCHER).get(base(A)).then().statusCode(200).body("total", equalTo(3))
                .body("items[0].text", equalTo("第三条"));
        as(DISPATCHER).queryParam("state", "received").get(base(A)).then().body("total", equalTo(2));
        as(DISPATCHER).queryParam("category", "rights").get(base(A)).then().body("total", equalTo(1));
        as(DISPATCHER).queryParam("state", "answered").queryParam("category", "stations").get(base(A)).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) first));
        as(DISPATCHER).queryParam("size", 2).queryParam("page", 1).get(base(A)).then().body("items.size()", equalTo(1));
        as(DISPATCHER).queryParam("state", "lost").get(base(A)).then().statusCode(400);
        as(DISPATCHER).queryParam("category", "weather").get(base(A)).then().statusCode(400);
    }

    @Test
    void rolesAndTownshipsAreKeptApart() {
        long id = raised("骑手休息点太少");
        // another township's staff and riders: not theirs to see or answer (404 by the township they call)
        as(TestTenants.admin(B)).get(base(B) + "/" + id).then().statusCode(404);
        as(TestTenants.admin(B)).body(Map.of("answer", "越权")).post(base(B) + "/" + id + "/answer").then()
                .statusCode(404);
        as(TestTenants.admin(B)).get(base(A) + "/" + id).then().statusCode(403);
        as(B_RIDER).get(base(B) + "/" + id).then().statusCode(404);
        as(TestTenants.admin(B)).get(base(B)).then().statusCode(200).body("total", equalTo(0));
        // handlers and station keepers have no part in suggestions; riders cannot answer
        as(HANDLER).get(base(A)).then().statusCode(403);
        as(KEEPER).get(base(A) + "/" + id).then().statusCode(403);
        as(RIDER).body(Map.of("answer", "自己答")).post(base(A) + "/" + id + "/answer").then().statusCode(403);
        as(DISPATCHER).get(base(A) + "/mine").then().statusCode(403);
        form(DISPATCHER, "stations", "员工不能以骑手身份提", "staff-1").post(base(A)).then().statusCode(403);
        assertThat(Db.count("select count(*) from suggestion where tenant_id = '" + B + "'")).isZero();
    }

    @Test
    void regionalComparisonCountsReceivedAndAnswered() {
        long answered = raised("第一条");
        raised("第二条");
        raised("第三条");
        long old = raised("去年的建议");
        as(DISPATCHER).body(Map.of("answer", "收到，已处理")).post(base(A) + "/" + answered + "/answer").then()
                .statusCode(200);
        // one answered 5 hours after it came; one received in an earlier month, answered now
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.executeUpdate("update suggestion set created_at = now() - interval '400 days' where id = " + old);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        as(DISPATCHER).body(Map.of("answer", "迟到的答复")).post(base(A) + "/" + old + "/answer").then()
                .statusCode(200);
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.executeUpdate("update suggestion set created_at = now() - interval '301 minutes', "
                    + "answered_at = now() - interval '1 minute' where id = "
                    + answered);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        refresher.refreshPending();
        String viewer = A + "-viewer";
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("subject", viewer, "regionPath", "测试省/测试市/" + A + "县", "role", "region_viewer"))
                .put("/api/platform/region-grants").then().statusCode(200);
        var comparison = given().auth().oauth2(Tokens.of(viewer)).queryParam("region", "测试省/测试市/" + A + "县")
                .queryParam("period", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())
                .get("/api/regions/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(comparison.getList("figures.section")).contains("suggestions");
        Map<String, Object> values = ComparisonJson.values(comparison, A);
        assertThat(((Number) values.get("suggestions")).intValue()).isEqualTo(3);
        // answered this month: the one of this month and the old one
        assertThat(((Number) values.get("suggestions.answered")).intValue()).isEqualTo(2);
        assertThat(((Number) values.get("suggestions.answerRate")).doubleValue()).isEqualTo(1.0 / 3, within());
        // 5 hours lies in the bucket 4–6: the median of one value is the bucket's middle
        assertThat(((Number) values.get("suggestions.medianAnswerHours")).doubleValue()).isEqualTo(5.0, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.01);
    }
}
