package cn.fengxing.points.service;

import cn.fengxing.outbox.entity.OutboxEvent;
import cn.fengxing.points.api.PointsAction;
import cn.fengxing.tenancy.service.TenantContext;
import cn.fengxing.tenancy.service.TenantWork;
import cn.fengxing.tenancy.service.TownshipPasses;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The scheduled pass over every active township's points, on every API instance: awards for reports the duty desk
 * accepted (the outbox's {@code report.accepted} events; a rider earns 上报隐患 points once per report, however often
 * the event is delivered or however many instances pass at once), and redemptions not collected in time
 * (TownshipPasses).
 */
@ApplicationScoped
public class PointsSweep {

    private static final Logger LOG = Logger.getLogger(PointsSweep.class);
    /** Events taken in one transaction. */
    static final int BATCH = 100;

    @Inject
    TenantWork work;

    @Inject
    PointsLedger ledger;

    @Inject
    TenantContext tenant;

    @Inject
    Redemptions redemptions;

    @Inject
    TownshipPasses passes;

    @Scheduled(identity = "points-sweep", every = "${fengxing.points.sweep-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweepAll() {
        passes.forEachActive("Points", this::sweep);
    }

    /** One township's pass: accepted reports in batches, then expiries. */
    public void sweep(String tenant) {
        int awarded;
        do {
            awarded = work.inTenant(tenant, this::awardAccepted);
        } while (awarded == BATCH && !passes.stopping());
        int expired = work.inTenant(tenant, redemptions::expireDue);
        if (expired > 0) {
            LOG.infof("%s: %d redemptions expired, points and items returned", tenant, expired);
        }
    }

    /**
     * Takes a batch of unconsumed report.accepted events (rows another instance holds are skipped, not waited for),
     * awards each report's rider, and marks them consumed in the same transaction: a crash before commit leaves
     * them for the next pass, and the award's source (report:id) keeps a redelivered event from paying twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int awardAccepted() {
        List<Long> ids = Panache.getEntityManager().createNativeQuery("""
                        select id from outbox_event
                         where tenant_id = :tenant and type = :type and consumed_at is null
                         order by id limit :n for update skip locked""", Long.class)
                .setParameter("tenant", tenant.code()).setParameter("type", OutboxEvent.REPORT_ACCEPTED)
                .setParameter("n", BATCH)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<OutboxEvent> events = OutboxEvent.list("id in ?1 order by id", ids);
        for (OutboxEvent event : events) {
            Object rider = event.payload.get("riderId");
            if (rider instanceof Number id) {
                ledger.award(id.longValue(), PointsAction.report_accepted, null, null,
                        "report:" + event.aggregateId, "system", false, event.createdAt);
            }
            event.consumedAt = OffsetDateTime.now();
        }
        return events.size();
    }
}
