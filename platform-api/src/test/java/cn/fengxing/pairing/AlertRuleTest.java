package cn.fengxing.pairing;

import cn.fengxing.pairing.service.AlertRule;
import cn.fengxing.pairing.service.AlertRule.Streak;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert rule's streak, day by day: what a day's sign is, where a streak starts and ends. */
class AlertRuleTest {

    static final LocalDate START = LocalDate.of(2026, 11, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 10);

    static Optional<Streak> streak(Map<LocalDate, String> signs) {
        return AlertRule.streak(START, null, TODAY, signs);
    }

    static Map<LocalDate, String> okEveryDayBut(int... daysAgo) {
        Map<LocalDate, String> signs = new HashMap<>();
        for (LocalDate d = START; d.isBefore(TODAY); d = d.plusDays(1)) {
            signs.put(d, "ok");
        }
        for (int n : daysAgo) {
            signs.remove(TODAY.minusDays(n));
        }
        return signs;
    }

    @Test
    void missingDaysAreAnomaliesOnceOverAndTodayCountsOnlyWithAVisit() {
        // every day fine, today not visited yet: no streak (today is not over)
        assertThat(streak(okEveryDayBut())).isEmpty();
        // yesterday and the day before without a visit: two days, ending yesterday
        assertThat(streak(okEveryDayBut(1, 2))).contains(new Streak(TODAY.minusDays(2), TODAY.minusDays(1)));
        // today's anomalous visit extends it to today
        Map<LocalDate, String> signs = okEveryDayBut(1, 2);
        signs.put(TODAY, "no_answer");
        assertThat(streak(signs)).contains(new Streak(TODAY.minusDays(2), TODAY));
        assertThat(streak(signs).get().days()).isEqualTo(3);
        // today's fine visit ends it
        signs.put(TODAY, "ok");
        assertThat(streak(signs)).isEmpty();
    }

    @Test
    void anOkDayBreaksTheStreakAndAnomalousOutcomesCount() {
        Map<LocalDate, String> signs = okEveryDayBut();
        signs.put(TODAY.minusDays(5), "garbage_not_out");
        signs.put(TODAY.minusDays(4), "no_answer");
        signs.put(TODAY.minusDays(3), "ok");
        signs.put(TODAY.minusDays(2), "needs_help");
        signs.put(TODAY.minusDays(1), "no_answer");
        assertThat(streak(signs)).contains(new Streak(TODAY.minusDays(2), TODAY.minusDays(1)));
    }

    @Test
    void theDaysSignIsItsLastVisitsAndTheStreakStaysWithinThePairing() {
        // nothing ever visited: every day since the start
        assertThat(streak(Map.of())).contains(new Streak(START, TODAY.minusDays(1)));
        assertThat(streak(Map.of()).get().days()).isEqualTo(9);
        // a pairing that started today has no day over yet
        assertThat(AlertRule.streak(TODAY, null, TODAY, Map.of())).isEmpty();
        // an ended pairing counts up to its last day only
        assertThat(AlertRule.streak(START, START.plusDays(2), TODAY, Map.of()))
                .contains(new Streak(START, START.plusDays(2)));
        assertThat(AlertRule.streak(START, START.plusDays(2), TODAY, Map.of(START.plusDays(2), "ok"))).isEmpty();
    }
}
