package cn.fengxing.report.service;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.tenancy.service.TenantContext;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Flood limits on filing reports 随手拍: a rider's app stuck in a loop, or a script, must not bury the duty desk or
 * starve other riders of the machine's photo work. One token bucket per rider and one per township, in this API
 * instance (several instances each allow their share). Checked before any photo is decoded, so a refused filing
 * costs next to nothing; the answer is 429 with Retry-After, and the app keeps the report and sends it then.
 */
@ApplicationScoped
public class FilingLimits {

    /** Buckets of riders and townships that filed recently; an idle bucket is full again, so forgetting it is exact. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2))
            .maximumSize(500_000).build();

    @Inject
    FengxingConfig config;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    /** Takes one filing from the caller's and the township's allowance, or refuses with 429 (and takes nothing). */
    public void admit() {
        FengxingConfig.Reports.Flood flood = config.reports().flood();
        Bucket rider = bucket("rider|" + tenant.code() + "|" + caller.subject(), flood.riderBurst(), flood.riderPerHour());
        ConsumptionProbe mine = rider.tryConsumeAndReturnRemaining(1);
        if (!mine.isConsumed()) {
            throw ProblemException.tooManyRequests(seconds(mine), "report.flood.rider", seconds(mine));
        }
        Bucket township = bucket("township|" + tenant.code(), flood.townshipBurst(), flood.townshipPerHour());
        ConsumptionProbe theirs = township.tryConsumeAndReturnRemaining(1);
        if (!theirs.isConsumed()) {
            rider.addTokens(1); // not the rider's doing
            throw ProblemException.tooManyRequests(seconds(theirs), "report.flood.township", seconds(theirs));
        }
    }

    private Bucket bucket(String key, int burst, int perHour) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
    }

    /** Whole seconds until one filing is allowed again, at least one. */
    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }
}
