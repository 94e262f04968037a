package cn.fengxing.tenancy.service;

import cn.fengxing.tenancy.entity.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * What the scheduled passes over every active township share (report deadlines, points): one township's failure is
 * logged and does not hold up the others, and a pass stops quietly when the API shuts down instead of failing on
 * the closing database. A suspended township's work waits until it is resumed.
 */
@ApplicationScoped
public class TownshipPasses {

    private static final Logger LOG = Logger.getLogger(TownshipPasses.class);

    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Whether the API is shutting down (a pass in progress stops). */
    public boolean stopping() {
        return stopping;
    }

    /** Runs {@code pass} for each active township; {@code what} names it in the log. */
    public void forEachActive(String what, Consumer<String> pass) {
        try {
            for (String code : QuarkusTransaction.requiringNew().call(Tenant::activeCodes)) {
                if (stopping) {
                    return;
                }
                try {
                    pass.accept(code);
                } catch (RuntimeException e) {
                    if (stopping) {
                        return;
                    }
                    LOG.errorf(e, "%s of %s failed; retried on the next pass", what, code);
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            } // the database closed under a pass at shutdown: the next pass does it
        }
    }
}
