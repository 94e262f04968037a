package cn.fengxing.fault;

import cn.fengxing.support.Photos;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault test: riders file reports at a steady pace while the API is killed (SIGKILL) mid-run and started again;
 * their apps send again what was not acknowledged, with the same Idempotency-Key. Nothing is lost and nothing is
 * doubled: one report per key, one photo per report, and no file that no photo refers to. The heavy variant
 * (more riders, more filings) runs in the benchmark profile (bench/README.md).
 */
class ApiCrashIT {

    static final int RIDERS = Integer.getInteger("fault.riders", 4);
    static final int PER_RIDER = Integer.getInteger("fault.per-rider", 25);

    @Test
    void killedMidRunLosesNothingAndDoublesNothing() throws Exception {
        // a killed request's files become orphans; they are deleted once older than any request may take
        Map<String, String> settings = Map.of(
                "FENGXING_STORAGE_ORPHAN_AFTER", "PT5S", "FENGXING_STORAGE_SWEEP_EVERY", "1s",
                "FENGXING_REPORTS_FLOOD_RIDER_BURST", "100000", "FENGXING_REPORTS_FLOOD_TOWNSHIP_BURST", "100000");
        try (FaultStage stage = FaultStage.start("crash", RIDERS, settings)) {
            Duration firstStart = stage.api().lastStart();
            byte[] photo = Photos.phonePhoto(1200, 900, 7, FaultStage.LON, FaultStage.LAT);
            int total = RIDERS * PER_RIDER;
            try (SteadyIntake intake = new SteadyIntake(stage.reportsUrl(), stage.riderTokens(), photo,
                    FaultStage.LON, FaultStage.LAT, PER_RIDER, Duration.ofMillis(50), Duration.ofMinutes(4)).start()) {
                intake.awaitAcknowledged(total / 3);
                int acknowledgedBeforeKill = intake.acknowledged().size();
                stage.api().kill();
                stage.api().startAgain();
                assertThat(intake.awaitEnd()).as("the riders finished within the run's deadline").isTrue();

                Map<Integer, Long> byStatus = intake.answers().stream()
                        .collect(Collectors.groupingBy(SteadyIntake.Answer::status, TreeMap::new, Collectors.counting()));
                System.out.printf("API killed after %d of %d filings acknowledged; first start %d ms, start after the"
                                + " kill %d ms; answers by status (0: no answer) %s%n", acknowledgedBeforeKill, total,
                        firstStart.toMillis(), stage.api().lastStart().toMillis(), byStatus);
                assertThat(intake.answers()).as("every answer is an acknowledgement, or no answer while the API was"
                        + " down").allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(0, 200, 201));
                assertThat(byStatus).as("the kill cut filings off").containsKey(0);
                assertThat(intake.acknowledged()).as("every filing was acknowledged in the end")
                        .hasSize(total).isEqualTo(intake.sent());

                String ofTown = " from report where tenant_id = '" + FaultStage.TOWNSHIP + "'";
                assertThat(new HashSet<>(stage.strings("select idempotency_key" + ofTown)))
                        .as("one report per Idempotency-Key, none without one").isEqualTo(intake.acknowledged());
                assertThat(stage.count("select count(*)" + ofTown)).as("no report twice").isEqualTo(total);
                assertThat(stage.count("select count(*) from report r where r.tenant_id = '" + FaultStage.TOWNSHIP
                        + "' and (select count(*) from report_photo p where p.report_id = r.id) <> 1"))
                        .as("reports without their photo, or with it twice").isZero();
            }
            assertNoOrphans(stage);
        }
    }

    /** Waits for the sweep of pending files, then: the files on disk are exactly those the photo rows name. */
    static void assertNoOrphans(FaultStage stage) throws Exception {
        Set<String> referenced = stage.referencedFiles();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((!stage.storedFiles().equals(referenced) || stage.count("select count(*) from blob_pending") > 0)
                && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        assertThat(stage.storedFiles()).as("the photo store holds each photo and thumbnail, nothing else")
                .isEqualTo(referenced);
        assertThat(stage.count("select count(*) from blob_pending")).as("no file left pending").isZero();
    }
}
