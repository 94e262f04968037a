package cn.fengxing.rider.service;

import cn.fengxing.region.service.Figure;
import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Section;
import cn.fengxing.region.service.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Riders 骑手 in regional comparison: those on the roster (counted from the day they were enrolled, a rider who
 * left no longer counts), and the active ones — with a report, a station visit or a discount use in the 30 days up
 * to a day (the period's last).
 */
@ApplicationScoped
public class RiderFigureSource implements FigureSource {

    private static final String FACTS = """
            select (created_at at time zone :zone)::date, 'riders.enrolled', 1
              from rider
             where tenant_id = :tenant and status <> 'left' and claims_rider_id is null
               and created_at >= :start and created_at < :end
            union all
            select cast(d as date), 'riders.active', count(distinct a.rider_id)
              from (select rider_id, (created_at at time zone :zone)::date as day from report
                     where tenant_id = :tenant and rider_id is not null
                       and created_at >= cast(:start as timestamptz) - interval '30 days' and created_at < :end
                    union
                    select rider_id, (at at time zone :zone)::date from station_visit
                     where tenant_id = :tenant and at >= cast(:start as timestamptz) - interval '30 days' and at < :end
                    union
                    select rider_id, (at at time zone :zone)::date from merchant_discount_use
                     where tenant_id = :tenant and at >= cast(:start as timestamptz) - interval '30 days' and at < :end) a
              join generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                on a.day between cast(d as date) - 29 and cast(d as date)
             group by d
            """;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String facts() {
        return FACTS;
    }

    @Override
    public Kind kind(String counter) {
        return counter.equals("riders.active") ? Kind.LEVEL : Kind.STOCK;
    }

    @Override
    public boolean owns(String counter) {
        return counter.startsWith("riders.");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.count("riders.enrolled", Section.riders, Direction.higher, "riders.enrolled"),
                Figure.count("riders.active", Section.riders, Direction.higher, "riders.active"));
    }
}
