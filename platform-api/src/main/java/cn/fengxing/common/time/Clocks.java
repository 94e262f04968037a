package cn.fengxing.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The time rules that count days and deadlines read (care pairing's alert rule): the system's clock, unless a test
 * supplies a clock of its own to live through days and deadlines in moments.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock system() {
        return Clock.systemUTC();
    }
}
