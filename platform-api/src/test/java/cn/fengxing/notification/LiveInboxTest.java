package cn.fengxing.notification;

import cn.fengxing.notification.api.NotificationKind;
import cn.fengxing.notification.service.Notifications;
import cn.fengxing.report.service.ReportSweep;
import cn.fengxing.support.Db;
import cn.fengxing.support.EventStream;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import cn.fengxing.tenancy.service.TenantWork;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.fengxing.support.Reports.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Messages arrive live on their recipient's streams only; a report's escalation messages the tenant admins once. */
@QuarkusTest
class LiveInboxTest {

    static final String A = "nl-a";
    static final String B = "nl-b";
    static final double LON = 121.5;
    static final double LAT = 31.5;
    static final String RIDER = TestTenants.member(A, "rider");
    static final String OTHER_RIDER = "nl-a-rider2";
    static final String ADMIN = TestTenants.admin(A);
    static final Duration SOON = Duration.ofSeconds(5);

    @Inject
    Notifications notifications;

    @Inject
    TenantWork work;

    @Inject
    ReportSweep sweep;

    @BeforeEach
    void townships() {
        TestTenants.onboardWithRiders(A, LON, LAT, List.of(OTHER_RIDER));
        // each test starts with empty inboxes in both townships
        Db.strings("delete from notification where tenant_id in ('" + A + "', '" + B + "') returning id");
        TestTenants.onboard(B, LON + 1, LAT);
    }

    static String inbox(String tenant) {
        return "/api/t/" + tenant + "/notifications";
    }

    static EventStream subscribed(String subject, String path) {
        EventStream s = EventStream.open(subject, path);
        assertThat(s.status()).as(subject + " " + path).isEqualTo(200);
        assertThat(s.nextComment(SOON)).as("subscribed comment").isEqualTo("subscribed");
        return s;
    }

    void send(String tenant, String subject, Map<String, String> params) {
        work.inTenant(tenant, () -> {
            notifications.send(List.of(subject), NotificationKind.PAIRING_ALERT_FOLLOWED_UP, params,
                    "/rider/pairing", "test:" + UUID.randomUUID());
            return null;
        });
    }

    @Test
    void aMessageReachesItsRecipientsStreamsAndNoOtherStream() {
        try (EventStream mine = subscribed(RIDER, inbox(A) + "/stream");
             EventStream neighbour = subscribed(OTHER_RIDER, inbox(A) + "/stream");
             EventStream elsewhere = subscribed(TestTenants.member(B, "rider"), inbox(B) + "/stream");
             EventStream desk = subscribed(ADMIN, "/api/t/" + A + "/dispatch/stream")) {
            assertThat(mine.contentType()).startsWith("text/event-stream");
            send(A, RIDER, Map.of("elder", "王**", "outcome", "safe"));

            EventStream.Event event = mine.nextEvent("notification", SOON);
            assertThat(event).as("within 5 s").isNotNull();
            JsonPath data = JsonPath.from(event.data());
            long id = Db.count("select max(id) from notification where subject = '" + RIDER + "'");
            assertThat(data.getLong("id")).isEqualTo(id);
            assertThat(data.getString("kind")).isEqualTo("pairing_alert_followed_up");
            assertThat(data.getMap("params")).isEqualTo(Map.of("elder", "王**", "outcome", "safe"));
            assertThat(data.getString("link")).isEqualTo("/rider/pairing");
            assertThat(data.getBoolean("read")).isFalse();
            // the same as the inbox lists it
            JsonPath listed = as(RIDER).get(inbox(A)).then().statusCode(200).extract().jsonPath();
            assertThat(listed.getMap("items[0]")).isEqualTo(data.getMap(""));

            // the dispatch desk carries its person's messages too, and only theirs
            send(A, ADMIN, Map.of("elder", "李**", "outcome", "helped"));
            EventStream.Event deskEvent = desk.nextEvent("notification", SOON);
            assertThat(deskEvent).isNotNull();
            assertThat(JsonPath.from(deskEvent.data()).getString("params.elder")).isEqualTo("李**");

            assertThat(neighbour.drain(Duration.ofSeconds(2))).as("the other rider of the township")
                    .allMatch(item -> item.event() == null);
            assertThat(elsewhere.drain(Duration.ofMillis(200))).allMatch(item -> item.event() == null);
            assertThat(mine.drain(Duration.ofMillis(200))).as("not the admin's message")
                    .allMatch(item -> item.event() == null);
        }
    }

    @Test
    void aMessageTooBigToTravelArrivesAsItsIdAndIsListedWhole() {
        try (EventStream mine = subscribed(RIDER, inbox(A) + "/stream")) {
            String note = "很长的说明".repeat(2000); // ~30 kB in UTF-8, more than a NOTIFY payload may carry
            send(A, RIDER, Map.of("elder", "王**", "note", note));
            EventStream.Event event = mine.nextEvent("notification", SOON);
            assertThat(event).isNotNull();
            JsonPath data = JsonPath.from(event.data());
            assertThat(data.getMap("")).containsOnlyKeys("id");
            assertThat(as(RIDER).get(inbox(A)).then().statusCode(200).extract().jsonPath()
                    .getString("items[0].params.note")).isEqualTo(note);
        }
    }

    @Test
    void riderStreamsAreOpenToEveryTownshipRoleAndNobodyElse() {
        for (String role : List.of("rider", "station_keeper", "handler", "dispatcher")) {
            try (EventStream s = EventStream.open(TestTenants.member(A, role), inbox(A) + "/stream")) {
                assertThat(s.status()).as(role).isEqualTo(200);
            }
        }
        for (String subject : List.of(TestTenants.member(B, "rider"), Tokens.OPERATOR)) {
            try (EventStream s = EventStream.open(subject, inbox(A) + "/stream")) {
                assertThat(s.status()).as(subject).isEqualTo(403);
            }
        }
        given().get(inbox(A) + "/stream").then().statusCode(401);
        // riders still have no dispatch desk
        try (EventStream s = EventStream.open(RIDER, "/api/t/" + A + "/dispatch/stream")) {
            assertThat(s.status()).isEqualTo(403);
        }
    }

    @Test
    void anEscalationMessagesEveryTenantAdminOnceLive() {
        try (EventStream admin = subscribed(ADMIN, inbox(A) + "/stream");
             EventStream dispatcher = subscribed(TestTenants.member(A, "dispatcher"), inbox(A) + "/stream")) {
            // a gas leak is urgent: it escalates as it is filed
            long gas = Reports.submission(RIDER, null, "gas-leak", LON, LAT).post("/api/t/" + A + "/reports")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            EventStream.Event event = admin.nextEvent("notification", SOON);
            assertThat(event).as("the admin hears of it within 5 s").isNotNull();
            JsonPath data = JsonPath.from(event.data());
            assertThat(data.getString("kind")).isEqualTo("report_escalated");
            assertThat(data.getString("params.step")).isEqualTo("dispatch");
            assertThat(data.getString("params.community")).isEqualTo("一社区");
            assertThat(data.getString("params.category")).isEqualTo(
                    Db.strings("select name_zh from report_category c join report r on r.category_id = c.id"
                            + " where r.id = " + gas).get(0));
            assertThat(data.getString("link")).isEqualTo("/console/dispatch?report=" + gas);
            assertThat(dispatcher.drain(Duration.ofSeconds(1))).as("dispatchers are not messaged")
                    .allMatch(item -> item.event() == null);
        }
        // an overdue report escalates through the sweep, however often it runs: one message per step
        long late = Reports.file(A, "road-damage", LON, LAT);
        Db.strings("update report set dispatch_due = now() - interval '1 minute' where id = " + late + " returning id");
        sweep.sweep(A);
        sweep.sweep(A);
        assertThat(Db.strings("select subject || ' ' || (params ->> 'step') from notification"
                + " where dedup_key like 'report-escalated:" + late + ":%'")).containsExactly(ADMIN + " dispatch");
        assertThat(Db.count("select count(*) from notification where tenant_id = '" + A
                + "' and kind = 'report_escalated' and subject <> '" + ADMIN + "'")).isZero();
    }
}
