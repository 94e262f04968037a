package cn.fengxing.notification;

import cn.fengxing.notification.api.NotificationKind;
import cn.fengxing.notification.service.Notifications;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.tenancy.service.TenantWork;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.fengxing.support.Reports.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Everybody's own inbox 消息: nobody reads, counts or marks another person's messages, in any township. */
@QuarkusTest
class InboxTest {

    static final String A = "nt-a";
    static final String B = "nt-b";
    static final String RIDER = TestTenants.member(A, "rider");
    static final String OTHER_RIDER = "nt-a-rider2";
    static final String ADMIN = TestTenants.admin(A);

    @Inject
    Notifications notifications;

    @Inject
    TenantWork work;

    @BeforeEach
    void townships() {
        TestTenants.onboardWithRiders(A, 119.5, 30.5, List.of(OTHER_RIDER));
        // each test starts with empty inboxes in both townships
        Db.strings("delete from notification where tenant_id in ('" + A + "', '" + B + "') returning id");
        TestTenants.onboard(B, 120.5, 30.5);
    }

    /** Sends one message to each subject in the township; returns the dedup key used. */
    String send(String tenant, String key, String... subjects) {
        work.inTenant(tenant, () -> {
            notifications.send(List.of(subjects), NotificationKind.PAIRING_ALERT_FOLLOWED_UP,
                    Map.of("elder", "王**", "outcome", "safe"), "/rider/pairing", key);
            return null;
        });
        return key;
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    static String base(String tenant) {
        return "/api/t/" + tenant + "/notifications";
    }

    /** The caller's messages (first page of 200). */
    static JsonPath inbox(String subject, String tenant, String query) {
        return as(subject).get(base(tenant) + query).then().statusCode(200).extract().jsonPath();
    }

    static long unread(String subject, String tenant) {
        return as(subject).get(base(tenant) + "/unread-count").then().statusCode(200).extract().jsonPath()
                .getLong("count");
    }

    static long idOf(String subject, String key) {
        return Db.count("select id from notification where subject = '" + subject + "' and dedup_key = '" + key + "'");
    }

    @Test
    void aRiderReadsOnlyTheOwnMessagesNewestFirst() {
        String first = send(A, key(), RIDER);
        String second = send(A, key(), RIDER, OTHER_RIDER);
        String theirs = send(A, key(), OTHER_RIDER);

        JsonPath mine = inbox(RIDER, A, "?size=200");
        assertThat(mine.getList("items.id", Long.class))
                .containsExactly(idOf(RIDER, second), idOf(RIDER, first));
        assertThat(mine.getLong("total")).isEqualTo(2);
        assertThat(mine.getString("items[0].kind")).isEqualTo("pairing_alert_followed_up");
        assertThat(mine.getMap("items[0].params")).isEqualTo(Map.of("elder", "王**", "outcome", "safe"));
        assertThat(mine.getString("items[0].link")).isEqualTo("/rider/pairing");
        assertThat(mine.getBoolean("items[0].read")).isFalse();
        assertThat(mine.getString("items[0].createdAt")).isNotBlank();

        // another rider's message, the same rider's of another township, or one that does not exist: 404
        long other = idOf(OTHER_RIDER, theirs);
        as(RIDER).post(base(A) + "/" + other + "/read").then().statusCode(404)
                .body("type", org.hamcrest.Matchers.notNullValue());
        as(ADMIN).post(base(A) + "/" + other + "/read").then().statusCode(404);
        as(TestTenants.admin(B)).post(base(B) + "/" + other + "/read").then().statusCode(404);
        as(RIDER).post(base(A) + "/" + Long.MAX_VALUE + "/read").then().statusCode(404);
        assertThat(Db.count("select count(*) from notification where read_at is not null and id = " + other))
                .as("nobody else marked it read").isZero();

        // the other township's inbox of the same person holds nothing of this one
        String elsewhere = send(B, key(), TestTenants.member(B, "rider"));
        as(RIDER).post(base(A) + "/" + idOf(TestTenants.member(B, "rider"), elsewhere) + "/read").then()
                .statusCode(404);
        assertThat(inbox(TestTenants.member(B, "rider"), B, "").getLong("total")).isEqualTo(1);
    }

    @Test
    void readingCountsDownAndReadAllMarksTheRestOnce() {
        String one = send(A, key(), ADMIN);
        send(A, key(), ADMIN);
        send(A, key(), ADMIN);
        send(A, key(), RIDER);
        assertThat(unread(ADMIN, A)).isEqualTo(3);

        long id = idOf(ADMIN, one);
        as(ADMIN).post(base(A) + "/" + id + "/read").then().statusCode(200)
                .body("id", equalTo((int) id)).body("read", equalTo(true));
        String readAt = Db.strings("select read_at from notification where id = " + id).get(0);
        // reading it again changes nothing: the first time stays
        as(ADMIN).post(base(A) + "/" + id + "/read").then().statusCode(200).body("read", equalTo(true));
        assertThat(Db.strings("select read_at from notification where id = " + id).get(0)).isEqualTo(readAt);
        assertThat(unread(ADMIN, A)).isEqualTo(2);
        assertThat(inbox(ADMIN, A, "?unread=true").getList("items.id", Long.class)).doesNotContain(id).hasSize(2);

        as(ADMIN).post(base(A) + "/read-all").then().statusCode(200).body("count", equalTo(2));
        as(ADMIN).post(base(A) + "/read-all").then().statusCode(200).body("count", equalTo(0));
        assertThat(unread(ADMIN, A)).isZero();
        assertThat(inbox(ADMIN, A, "?unread=true").getLong("total")).isZero();
        assertThat(inbox(ADMIN, A, "").getLong("total")).isEqualTo(3);
        // the rider's message is untouched
        assertThat(unread(RIDER, A)).isEqualTo(1);
    }

    @Test
    void theSameOccasionSentTwiceOrAtOnceLandsOnce() throws Exception {
        String key = send(A, key(), RIDER);
        send(A, key, RIDER, RIDER);
        assertThat(Db.count("select count(*) from notification where dedup_key = '" + key + "'")).isEqualTo(1);

        // two instances sending the same occasion at the same moment
        String together = key();
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sends.add(pool.submit(() -> {
                barrier.await();
                return send(A, together, RIDER, OTHER_RIDER);
            }));
        }
        for (Future<?> f : sends) {
            f.get();
        }
        pool.shutdown();
        assertThat(Db.strings("select subject from notification where dedup_key = '" + together + "' order by 1"))
                .containsExactly(RIDER, OTHER_RIDER);
    }

    @Test
    void malformedIdsAndPagingAreRefused() {
        for (String id : new String[] {"abc", "%00", "1%001", "99999999999999999999999", "-"}) {
            int status = as(RIDER).urlEncodingEnabled(false).post(base(A) + "/" + id + "/read").then().extract()
                    .statusCode();
            assertThat(status).as(id).isBetween(400, 499);
        }
        as(RIDER).get(base(A) + "?page=-1").then().statusCode(400);
        as(RIDER).get(base(A) + "?size=100000").then().statusCode(400);
        int status = as(RIDER).get(base(A) + "?unread=perhaps").then().extract().statusCode();
        assertThat(status).isBetween(400, 499);
    }
}
