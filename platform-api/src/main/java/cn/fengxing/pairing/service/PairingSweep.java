package cn.fengxing.pairing.service;

import cn.fengxing.tenancy.service.TenantWork;
import cn.fengxing.tenancy.service.TownshipPasses;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The scheduled pass over every active township's care pairing, on every API instance (TownshipPasses): days that
 * passed without a look-in count as anomalies, so open pairings are evaluated for streaks; then alerts nobody followed
 * up in time escalate to the township's admins. AlertRule makes each alert and escalation happen once however many
 * instances pass at once.
 */
@ApplicationScoped
public class PairingSweep {

    private static final Logger LOG = Logger.getLogger(PairingSweep.class);

    @Inject
    TenantWork work;

    @Inject
    TownshipPasses passes;

    @Inject
    AlertRule rule;

    @Scheduled(identity = "pairing-sweep", every = "${fengxing.pairing.sweep-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweepAll() {
        passes.forEachActive("Care pairing", this::sweep);
    }

    /** One township's pass: missed days, then escalations, each in a transaction of its own. */
    public void sweep(String tenant) {
        int raised = work.inTenant(tenant, rule::evaluateOpen);
        int escalated = work.inTenant(tenant, rule::escalateDue);
        if (raised + escalated > 0) {
            LOG.infof("%s: %d pairing alerts raised, %d escalated", tenant, raised, escalated);
        }
    }
}
