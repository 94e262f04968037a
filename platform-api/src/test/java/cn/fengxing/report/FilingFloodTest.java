package cn.fengxing.report;

import cn.fengxing.support.Db;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of filings is limited per rider and per township with 429 problems carrying Retry-After, decided before any
 * photo work and changing nothing; retries of a filed report are never limited; another rider is not held back by a
 * flooding one until the township's own allowance is spent.
 */
@QuarkusTest
@TestProfile(FilingFloodTest.SmallLimits.class)
class FilingFloodTest {

    /** A rider may file 3 at once, a township 5; refills are slow enough not to matter during the test. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fengxing.reports.flood.rider-burst", "3", "fengxing.reports.flood.rider-per-hour", "1",
                    "fengxing.reports.flood.township-burst", "5", "fengxing.reports.flood.township-per-hour", "1");
        }
    }

    private static final String T = "flood-a";
    private static final double LON = 113.3;
    private static final double LAT = 34.3;

    private static Response file(String rider, String key) {
        return Reports.submission(rider, key, "garbage", LON, LAT).header("Accept-Language", "en")
                .post("/api/t/" + T + "/reports");
    }

    @Test
    void aFloodIsLimitedPerRiderThenPerTownshipAndRetriesPassThrough() throws Exception {
        String rider = TestTenants.member(T, "rider");
        String other = TestTenants.member(T, "rider-2");
        TestTenants.onboardWithRiders(T, LON, LAT, List.of(other));
        long before = Db.count("select count(*) from report where tenant_id = '" + T + "'");
        long photosBefore = Db.count("select count(*) from report_photo p join report r on r.id = p.report_id"
                + " where r.tenant_id = '" + T + "'");

        // eight filings at once from one rider: exactly three get through
        List<String> keys = new ArrayList<>();
        List<Future<Response>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                String key = "flood-" + UUID.randomUUID();
                keys.add(key);
                answers.add(pool.submit(() -> file(rider, key)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : answers) {
                Response r = f.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
                    assertThat(r.jsonPath().getString("detail")).contains("many reports in a short time");
                }
            }
            assertThat(statuses).containsOnly(201, 429);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count("select count(*) from report where tenant_id = '" + T + "'")).isEqualTo(before + 3);

        // a retry of a filed report is answered with it, however spent the allowance
        String filed = keys.stream().filter(k -> Db.count("select count(*) from report where idempotency_key = '"
                + k + "'") == 1).findFirst().orElseThrow();
        assertThat(file(rider, filed).statusCode()).isEqualTo(200);

        // another rider of the township still files, until the township's five are spent
        assertThat(file(other, "flood-" + UUID.randomUUID()).statusCode()).isEqualTo(201);
        assertThat(file(other, "flood-" + UUID.randomUUID()).statusCode()).isEqualTo(201);
        Response township = file(other, "flood-" + UUID.randomUUID());
        assertThat(township.statusCode()).isEqualTo(429);
        assertThat(township.jsonPath().getString("detail")).contains("This township is receiving many reports");
        assertThat(township.header("Retry-After")).isNotBlank();
        assertThat(Db.count("select count(*) from report where tenant_id = '" + T + "'")).isEqualTo(before + 5);
        assertThat(Db.count("select count(*) from report_photo p join report r on r.id = p.report_id where r.tenant_id = '"
                + T + "'")).isEqualTo(photosBefore + 5);
    }
}
