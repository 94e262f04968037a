package cn.fengxing.report.service;

import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The scheduled pass over every active township's report deadlines (escalation and auto-close), on every API
 * instance; ReportDeadlines makes sure each step happens once however many instances run it.
 */
@ApplicationScoped
public class ReportSweep {

    private static final Logger LOG = Logger.getLogger(ReportSweep.class);

    @Inject
    TenantWork work;

    @Inject
    ReportDeadlines deadlines;

    /** Set at shutdown: a pass in progress stops instead of failing on the closing database. */
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Every active township's pass; a suspended township's reports wait until it is resumed. */
    @Scheduled(identity = "report-sweep", every = "${fengxing.reports.sweep-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweepAll() {
        try {
            for (String code : QuarkusTransaction.requiringNew().call(Tenant::activeCodes)) {
                if (stopping) {
                    return;
                }
                try {
                    sweep(code);
                } catch (RuntimeException e) { // one township's failure must not hold up the others
                    if (stopping) {
                        return;
                    }
                    LOG.errorf(e, "Report deadlines of %s failed; retried on the next pass", code);
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            } // the database closed under a pass at shutdown: the next instance's pass does it
        }
    }

    /** One township's pass: escalations, then auto-closes, each in a transaction of its own. */
    public void sweep(String tenant) {
        int escalated = work.inTenant(tenant, deadlines::escalateDue);
        int closed = work.inTenant(tenant, deadlines::autoClose);
        if (escalated + closed > 0) {
            LOG.infof("%s: %d escalation steps, %d reports auto-closed", tenant, escalated, closed);
        }
    }
}
