package cn.fengxing.tenancy.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * Runs work for one township outside its own HTTP request (platform onboarding and export,
 * scheduled jobs, start-up): sets the tenant and opens a new transaction, because a tenant is
 * fixed for the life of a transaction (it is bound to the connection when the transaction
 * acquires it).
 */
@ApplicationScoped
public class TenantWork {

    @Inject
    TenantContext context;

    /**
     * A township's whole work (a manifest with a year of history, a rebuild of its figures) may take minutes on a
     * small or busy machine; the default transaction timeout (60 s) would abort it half way.
     */
    static final int WORK_TIMEOUT_SECONDS = 600;

    public <T> T inTenant(String tenantCode, Supplier<T> work) {
        return inTenant(tenantCode, false, work);
    }

    /** With {@code rollback}, the work runs and its result is returned but nothing is committed (dry runs). */
    public <T> T inTenant(String tenantCode, boolean rollback, Supplier<T> work) {
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        String previous = context.isSet() ? context.code() : null;
        try {
            context.set(tenantCode);
            return QuarkusTransaction.requiringNew().timeout(WORK_TIMEOUT_SECONDS).call(() -> {
                T result = work.get();
                if (rollback) {
                    throw new RolledBack(result); // rolls the transaction back, carrying the result out
                }
                return result;
            });
        } catch (RolledBack rolledBack) {
            @SuppressWarnings("unchecked")
            T result = (T) rolledBack.result;
            return result;
        } finally {
            context.set(previous);
            if (activated) {
                request.terminate();
            }
        }
    }

    private static final class RolledBack extends RuntimeException {
        final transient Object result;

        RolledBack(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
