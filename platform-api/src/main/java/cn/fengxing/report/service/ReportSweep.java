package cn.fengxing.report.service;

import cn.fengxing.tenancy.service.TenantWork;
import cn.fengxing.tenancy.service.TownshipPasses;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The scheduled pass over every active township's report deadlines (escalation and auto-close), on every API
 * instance (TownshipPasses); ReportDeadlines makes sure each step happens once however many instances run it.
 */
@ApplicationScoped
public class ReportSweep {

    private static final Logger LOG = Logger.getLogger(ReportSweep.class);

    @Inject
    TenantWork work;

    @Inject
    TownshipPasses passes;

    @Inject
    ReportDeadlines deadlines;

    @Scheduled(identity = "report-sweep", every = "${fengxing.reports.sweep-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweepAll() {
        passes.forEachActive("Report deadlines", this::sweep);
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
