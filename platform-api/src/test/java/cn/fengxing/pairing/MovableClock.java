package cn.fengxing.pairing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the platform reads in tests (in place of the system's): the system's time until a test sets one, so a test
 * lives through township days and follow-up deadlines in moments. Tests reset it when they start.
 */
@Singleton
public class MovableClock extends Clock {

    private volatile Instant fixed;

    /** From now on it is this instant, until moved again. */
    public void set(Instant at) {
        fixed = at;
    }

    public void advance(Duration by) {
        fixed = instant().plus(by);
    }

    /** Back to the system's time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
