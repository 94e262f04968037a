package cn.fengxing.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault test: PostgreSQL is stopped and started again while riders file reports at a steady pace. While it is down
 * every filing gets a clean 503 problem with Retry-After and readiness is down; once it is back, filings and
 * readiness recover within 5 seconds, and nothing is lost or doubled. The heavy variant runs in the benchmark
 * profile (bench/README.md).
 */
class DatabaseRestartIT {

    static final Duration DOWN_FOR = Duration.ofSeconds(4);
    static final Duration RECOVERY_GOAL = Duration.ofSeconds(5);

    @Test
    void aDatabaseRestartIsRiddenOut() throws Exception {
        try (FaultStage stage = FaultStage.start("db-restart")) {
            int total = FaultStage.RIDERS * FaultStage.PER_RIDER;
            try (SteadyIntake intake = stage.steadyIntake(8)) {
                intake.awaitAcknowledged(total / 3);
                stage.stopPostgres();
                long stopped = System.nanoTime();
                List<Integer> readinessWhileDown = new ArrayList<>();
                while (System.nanoTime() - stopped < DOWN_FOR.toNanos()) {
                    readinessWhileDown.add(stage.api().readiness());
                    Thread.sleep(200);
                }
                stage.startPostgres();
                long back = System.nanoTime();
                // recovered: readiness up and a filing acknowledged after PostgreSQL was back
                while (stage.api().readiness() != 200 || intake.answers().stream()
                        .noneMatch(a -> a.atNanos() > back && (a.status() == 201 || a.status() == 200))) {
                    assertThat(Duration.ofNanos(System.nanoTime() - back)).as("recovery").isLessThan(Duration.ofSeconds(60));
                    Thread.sleep(20);
                }
                Duration recovery = Duration.ofNanos(System.nanoTime() - back);
                assertThat(intake.awaitEnd()).as("the riders finished within the run's deadline").isTrue();

                Map<Integer, Long> byStatus = intake.answers().stream()
                        .collect(Collectors.groupingBy(SteadyIntake.Answer::status, TreeMap::new, Collectors.counting()));
                long lastFailure = intake.answers().stream().filter(a -> a.status() == 503)
                        .mapToLong(SteadyIntake.Answer::atNanos).max().orElse(back);
                System.out.printf("PostgreSQL down for %d ms; recovered %d ms after it was back (last 503 %d ms after);"
                                + " readiness while down %s; answers by status %s%n", DOWN_FOR.toMillis(),
                        recovery.toMillis(), Math.max(0, (lastFailure - back) / 1_000_000), readinessWhileDown, byStatus);

                assertThat(readinessWhileDown).as("readiness while PostgreSQL was down").isNotEmpty()
                        .allSatisfy(s -> assertThat(s).isEqualTo(503));
                assertThat(intake.answers().stream().filter(a -> a.status() == 503))
                        .as("filings were refused while PostgreSQL was down").isNotEmpty()
                        .allSatisfy(a -> {
                            assertThat(a.contentType()).as(a.body()).startsWith("application/problem+json");
                            assertThat(a.body()).contains("\"status\":503");
                            assertThat(a.retryAfter()).isNotNull();
                        });
                assertThat(intake.answers()).as("every answer is an acknowledgement or a 503 problem")
                        .allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201, 503));
                assertThat(recovery).as("full recovery after PostgreSQL is back").isLessThanOrEqualTo(RECOVERY_GOAL);
                assertThat(Duration.ofNanos(lastFailure - back)).as("no failure later than the recovery goal")
                        .isLessThanOrEqualTo(RECOVERY_GOAL);

                stage.assertEachFiledOnce(intake);
            }
        }
    }
}
