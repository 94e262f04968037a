package cn.fengxing.station;

import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.station.service.OpeningHours;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening hours: weekday periods, round the clock, and night periods that run past midnight. */
class OpeningHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static OpeningHours read(String json) throws Exception {
        List<Violation> violations = new ArrayList<>();
        JsonNode node = new ObjectMapper().readTree(json);
        OpeningHours hours = OpeningHours.read(node, "hours", violations);
        assertThat(violations).isEmpty();
        return hours;
    }

    /** 2026-11-23 is a Monday. */
    static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 22 + day, hour, minute, 0, 0, SHANGHAI);
    }

    @Test
    void weekdayPeriodsAreOpenFromTheStartUntilJustBeforeTheEnd() throws Exception {
        OpeningHours hours = read("[{\"days\":[1,2,3,4,5],\"from\":\"08:00\",\"to\":\"20:00\"},"
                + "{\"days\":[6],\"from\":\"10:00\",\"to\":\"24:00\"}]");
        assertThat(hours.isOpen(at(1, 8, 0))).isTrue();
        assertThat(hours.isOpen(at(1, 7, 59))).isFalse();
        assertThat(hours.isOpen(at(5, 19, 59))).isTrue();
        assertThat(hours.isOpen(at(5, 20, 0))).isFalse();
        assertThat(hours.isOpen(at(6, 23, 59))).isTrue();
        assertThat(hours.isOpen(at(7, 12, 0))).isFalse();
    }

    @Test
    void aNightPeriodRunsPastMidnightIntoTheNextDay() throws Exception {
        OpeningHours hours = read("[{\"days\":[7],\"from\":\"20:00\",\"to\":\"02:00\"}]");
        assertThat(hours.isOpen(at(7, 21, 0))).isTrue();
        assertThat(hours.isOpen(at(8, 1, 30))).isTrue();   // Monday night after Sunday's start
        assertThat(hours.isOpen(at(8, 2, 0))).isFalse();
        assertThat(hours.isOpen(at(7, 1, 0))).isFalse();   // Sunday early morning: Saturday has no period
    }

    @Test
    void roundTheClockIsAlwaysOpenAndRoundTrips() throws Exception {
        OpeningHours hours = read("{\"open24h\":true}");
        assertThat(hours.isOpen(at(3, 3, 3))).isTrue();
        assertThat(OpeningHours.fromStored(hours.toStored())).isEqualTo(hours);
        OpeningHours periods = read("[{\"days\":[2,1],\"from\":\"06:30\",\"to\":\"24:00\"}]");
        assertThat(OpeningHours.fromStored(periods.toStored())).isEqualTo(periods);
        assertThat(periods.toApi().toString()).isEqualTo("[{days=[1, 2], from=06:30, to=24:00}]");
    }

    @Test
    void badHoursNameTheirField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String bad : List.of("{\"open24h\":false}", "[]", "\"always\"", "[{\"days\":[1,1],\"from\":\"08:00\",\"to\":\"09:00\"}]",
                "[{\"days\":[0],\"from\":\"08:00\",\"to\":\"09:00\"}]", "[{\"days\":[1],\"from\":\"24:00\",\"to\":\"09:00\"}]",
                "[{\"days\":[1],\"from\":\"08:00\",\"to\":\"00:00\"}]", "[{\"days\":[1],\"from\":\"8:00\",\"to\":\"09:00\"}]")) {
            List<Violation> violations = new ArrayList<>();
            assertThat(OpeningHours.read(json.readTree(bad), "hours", violations)).as(bad).isNull();
            assertThat(violations).as(bad).isNotEmpty().allSatisfy(v -> assertThat(v.field()).startsWith("hours"));
        }
    }
}
