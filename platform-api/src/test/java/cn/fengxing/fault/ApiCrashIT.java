package cn.fengxing.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
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

    @Test
    void killedMidRunLosesNothingAndDoublesNothing() throws Exception {
        try (FaultStage stage = FaultStage.start("crash")) {
            Duration firstStart = stage.api().lastStart();
            int total = FaultStage.RIDERS * FaultStage.PER_RIDER;
            try (SteadyIntake intake = stage.steadyIntake(7)) {
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
                stage.assertEachFiledOnce(intake);
            }
        }
    }
}
