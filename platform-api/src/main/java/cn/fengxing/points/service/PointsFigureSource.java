package cn.fengxing.points.service;

import cn.fengxing.region.service.CountFigureSource;
import cn.fengxing.region.service.Figure.Section;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Points 爱心积分 in regional comparison: points issued to riders (awards and corrections, by the day written) and
 * points redeemed (the cost of rewards handed over, by the day collected), and the rewards handed over.
 */
@ApplicationScoped
public class PointsFigureSource extends CountFigureSource {

    public PointsFigureSource() {
        super(70, Section.points, """
                select (at at time zone :zone)::date, 'points.issued', points
                  from points_entry
                 where tenant_id = :tenant and kind in ('award', 'correction') and at >= :start and at < :end
                union all
                select (closed_at at time zone :zone)::date, 'points.redeemed', cost
                  from points_redemption
                 where tenant_id = :tenant and status = 'handed_over' and closed_at >= :start and closed_at < :end
                union all
                select (closed_at at time zone :zone)::date, 'points.rewardsHandedOver', 1
                  from points_redemption
                 where tenant_id = :tenant and status = 'handed_over' and closed_at >= :start and closed_at < :end
                """, List.of(), List.of("points.issued", "points.redeemed", "points.rewardsHandedOver"));
    }
}
