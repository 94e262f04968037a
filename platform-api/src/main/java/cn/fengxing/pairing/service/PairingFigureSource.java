package cn.fengxing.pairing.service;

import cn.fengxing.region.service.DurationBuckets;
import cn.fengxing.region.service.Figure;
import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Rollup;
import cn.fengxing.region.service.Figure.Section;
import cn.fengxing.region.service.Figure.Unit;
import cn.fengxing.region.service.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Care pairing 捎带手 in regional comparison: the pairings active on a day (the period takes its last day's), the
 * look-ins by the day they count for, the alerts by the day raised, and the minutes from raising an alert to its
 * follow-up, counted on the day of the follow-up (in fixed buckets, so medians merge over any period). Counts only:
 * never which elder.
 */
@ApplicationScoped
public class PairingFigureSource implements FigureSource {

    static final String ACTIVE = "pairing.active";
    static final String VISITS = "pairing.visits";
    static final String ALERTS = "pairing.alerts";
    static final String FOLLOW_UP_MINUTES = "pairing.followUpMinutes.";

    private static final String FACTS = """
            select cast(d as date), 'pairing.active', count(*)
              from pairing p
              join generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                on cast(d as date) between p.start_on and coalesce(p.end_on, cast('infinity' as date))
             where p.tenant_id = :tenant and p.start_on <= cast(:to as date)
               and (p.end_on is null or p.end_on >= cast(:from as date))
             group by d
            union all
            select day, 'pairing.visits', count(*)
              from pairing_visit
             where tenant_id = :tenant and day between cast(:from as date) and cast(:to as date)
             group by day
            union all
            select (raised_at at time zone :zone)::date, 'pairing.alerts', count(*)
              from pairing_alert
             where tenant_id = :tenant and raised_at >= :start and raised_at < :end
             group by 1
            union all
            select (followed_up_at at time zone :zone)::date, 'pairing.followUpMinutes.' || %s, count(*)
              from pairing_alert
             where tenant_id = :tenant and followed_up_at >= :start and followed_up_at < :end
             group by 1, 2
            """.formatted(DurationBuckets.DISPATCH_MINUTES.sql("extract(epoch from followed_up_at - raised_at) / 60"));

    @Override
    public int order() {
        return 110;
    }

    @Override
    public String facts() {
        return FACTS;
    }

    @Override
    public Kind kind(String counter) {
        return counter.equals(ACTIVE) ? Kind.LEVEL : Kind.FLOW;
    }

    @Override
    public boolean owns(String counter) {
        return counter.startsWith("pairing.");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.count(ACTIVE, Section.pairing, Direction.higher, ACTIVE),
                Figure.count(VISITS, Section.pairing, Direction.higher, VISITS),
                Figure.count(ALERTS, Section.pairing, Direction.neutral, ALERTS),
                new Figure("pairing.medianFollowUpMinutes", Section.pairing, Unit.minutes, Direction.lower,
                        Rollup.median, c -> c.median(FOLLOW_UP_MINUTES, DurationBuckets.DISPATCH_MINUTES)));
    }
}
