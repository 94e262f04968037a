package cn.fengxing.dispatch;

import cn.fengxing.support.EventStream;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.fengxing.support.Reports.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The duty dispatcher's live stream: report changes of the own township, as they commit, on every instance. */
@QuarkusTest
class LiveStreamTest {

    static final String A = "ls-a";
    static final String B = "ls-b";
    static final double LON = 116.5;
    static final double LAT = 27.5;
    static final Duration SOON = Duration.ofSeconds(5);

    @BeforeEach
    void townships() {
        TestTenants.onboard(A, LON, LAT);
        TestTenants.onboard(B, LON + 1, LAT);
    }

    static String stream(String tenant) {
        return "/api/t/" + tenant + "/dispatch/stream";
    }

    static EventStream subscribed(String subject, String tenant) {
        EventStream s = EventStream.open(subject, stream(tenant));
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.nextComment(SOON)).as("subscribed comment").isEqualTo("subscribed");
        return s;
    }

    @Test
    void staffOfTheTownshipSeeAReportFiledAndDispatchedWithinSecondsAndOtherTownshipsDoNot() {
        try (EventStream dispatcher = subscribed(TestTenants.member(A, "dispatcher"), A);
             EventStream handler = subscribed(TestTenants.member(A, "handler"), A);
             EventStream admin = subscribed(TestTenants.admin(A), A);
             EventStream elsewhere = subscribed(TestTenants.member(B, "dispatcher"), B)) {
            assertThat(dispatcher.contentType()).startsWith("text/event-stream");
            assertThat(dispatcher.header("Cache-Control")).isEqualTo("no-cache");

            long id = Reports.file(A, "road-damage", LON, LAT);
            for (EventStream s : new EventStream[] {dispatcher, handler, admin}) {
                EventStream.Event filed = s.nextEvent("report", SOON);
                assertThat(filed).as("event within 5 s").isNotNull();
                JsonPath data = JsonPath.from(filed.data());
                assertThat(data.getLong("id")).isEqualTo(id);
                assertThat(data.getString("action")).isEqualTo("submit");
                assertThat(data.getString("state")).isEqualTo("submitted");
            }

            as(TestTenants.member(A, "dispatcher")).contentType(ContentType.JSON)
                    .body(Map.of("kind", "handler", "subject", TestTenants.member(A, "handler")))
                    .post("/api/t/" + A + "/dispatch/reports/" + id + "/dispatch").then().statusCode(200);
            JsonPath dispatched = JsonPath.from(dispatcher.nextEvent("report", SOON).data());
            assertThat(dispatched.getLong("id")).isEqualTo(id);
            assertThat(dispatched.getString("action")).isEqualTo("dispatch");
            assertThat(dispatched.getString("state")).isEqualTo("dispatched");

            // the other township's stream carries heartbeats only
            assertThat(elsewhere.drain(Duration.ofSeconds(2))).allMatch(item -> item.event() == null);
        }
    }

    @Test
    void aRefusedStepSendsNothing() {
        long id = Reports.file(A, "garbage", LON, LAT);
        try (EventStream dispatcher = subscribed(TestTenants.member(A, "dispatcher"), A)) {
            // a handler cannot reject: 403, no change, no event
            as(TestTenants.member(A, "handler")).contentType(ContentType.JSON).body(Map.of("reason", "不归我管"))
                    .post("/api/t/" + A + "/dispatch/reports/" + id + "/reject").then().statusCode(403);
            // accept before dispatch is not in the transition table: 409, rolled back
            as(TestTenants.member(A, "dispatcher")).post("/api/t/" + A + "/dispatch/reports/" + id + "/accept")
                    .then().statusCode(409);
            assertThat(dispatcher.nextEvent("report", Duration.ofSeconds(2))).isNull();
        }
    }

    @Test
    void aQuietStreamGetsHeartbeatComments() {
        try (EventStream s = subscribed(TestTenants.member(A, "dispatcher"), A)) {
            // the test profile beats every second (20 s by default)
            assertThat(s.nextComment(SOON)).isEqualTo("heartbeat");
            assertThat(s.nextComment(SOON)).isEqualTo("heartbeat");
        }
    }

    @Test
    void ridersKeepersOutsidersAndAnonymousCallersGetNoStream() {
        for (String subject : new String[] {TestTenants.member(A, "rider"), TestTenants.member(A, "station_keeper"),
                TestTenants.member(B, "dispatcher"), Tokens.OPERATOR}) {
            try (EventStream s = EventStream.open(subject, stream(A))) {
                assertThat(s.status()).as(subject).isEqualTo(403);
                assertThat(s.contentType()).startsWith("application/problem+json");
            }
        }
        given().get(stream(A)).then().statusCode(401);
        try (EventStream s = EventStream.open(TestTenants.admin(A), "/api/t/no-such-town/dispatch/stream")) {
            assertThat(s.status()).isEqualTo(404);
        }
    }

    @Test
    void openStreamsAreCounted() throws InterruptedException {
        double before = openStreams();
        EventStream s = subscribed(TestTenants.member(A, "dispatcher"), A);
        assertThat(openStreams()).isEqualTo(before + 1);
        s.close();
        long end = System.nanoTime() + SOON.toNanos();
        while (openStreams() != before && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(openStreams()).as("closed stream no longer counted").isEqualTo(before);
    }

    private static double openStreams() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^fengxing_dispatch_streams_open(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(m.find()).as("gauge fengxing_dispatch_streams_open in %s", "/q/metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
