package cn.fengxing.common.storage;

import cn.fengxing.common.config.FengxingConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * Files that belong to rows of a transaction (report photos): written before the rows commit, so a request killed
 * in between would leave a file nobody refers to. Each file's key is recorded as pending, committed on its own,
 * before the request's transaction begins; that transaction writes the files and clears their keys together with
 * the rows that refer to them. A key still pending after {@code fengxing.storage.orphan-after} belonged to a
 * transaction that died: its file is deleted (on every API instance, each key once).
 */
@ApplicationScoped
public class PendingBlobs {

    private static final Logger LOG = Logger.getLogger(PendingBlobs.class);
    private static final int SWEEP_BATCH = 500;

    @Inject
    BlobStore blobs;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    FengxingConfig config;

    /** Records keys about to be written, in a transaction of its own (call it before the request's transaction). */
    public void announce(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into blob_pending (blob_key) select unnest(cast(:keys as text[]))")
                .setParameter("keys", keys.toArray(String[]::new)).executeUpdate());
    }

    /** Forgets announced keys whose transaction rolled back: their files (if written) and their rows. */
    public void forget(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        keys.forEach(blobs::delete);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from blob_pending where blob_key = any(cast(:keys as text[]))")
                .setParameter("keys", keys.toArray(String[]::new)).executeUpdate());
    }

    /**
     * Writes announced files in the current transaction: kept when it commits (their keys cleared with it),
     * deleted again when it rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Map<String, byte[]> files) {
        List<String> keys = List.copyOf(files.keySet());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    keys.forEach(blobs::delete);
                }
            }
        });
        files.forEach(blobs::put);
        em.createNativeQuery("delete from blob_pending where blob_key = any(cast(:keys as text[]))")
                .setParameter("keys", keys.toArray(String[]::new)).executeUpdate();
    }

    /** Deletes the files of keys pending longer than any transaction runs. */
    @Scheduled(identity = "pending-blobs", every = "${fengxing.storage.sweep-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            total += deleted;
        } while (deleted == SWEEP_BATCH);
        if (total > 0) {
            LOG.infof("Deleted %d files whose transaction never committed", total);
        }
    }

    @SuppressWarnings("unchecked")
    private int sweepBatch() {
        // rows stay locked until the files are gone: another instance skips them, and a failure keeps them
        List<String> keys = em.createNativeQuery("""
                        select blob_key from blob_pending where created_at < now() - cast(:age as interval)
                         order by created_at limit :n for update skip locked""")
                .setParameter("age", config.storage().orphanAfter().toMillis() + " milliseconds")
                .setParameter("n", SWEEP_BATCH).getResultList();
        keys.forEach(blobs::delete);
        if (!keys.isEmpty()) {
            em.createNativeQuery("delete from blob_pending where blob_key = any(cast(:keys as text[]))")
                    .setParameter("keys", keys.toArray(String[]::new)).executeUpdate();
        }
        return keys.size();
    }
}
