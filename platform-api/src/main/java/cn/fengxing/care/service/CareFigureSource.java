package cn.fengxing.care.service;

import cn.fengxing.region.service.Figure;
import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Section;
import cn.fengxing.region.service.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Care services 关爱服务 in regional comparison: riders insured (with insurance cover on a day: the period takes its
 * last day's), and the hardship aid 困难帮扶, gifts 节日慰问 and health checks 健康体检 given in the period, each by
 * the day given. Counts of riders and services only: never who, nor how much.
 */
@ApplicationScoped
public class CareFigureSource implements FigureSource {

    static final String INSURED = "care.insured";
    static final String HARDSHIP_AID = "care.hardshipAid";
    static final String GIFTS = "care.gifts";
    static final String HEALTH_CHECKS = "care.healthChecks";

    private static final String FACTS = """
            select cast(d as date), 'care.insured', count(distinct c.rider_id)
              from care_record c
              join generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                on cast(d as date) between c.cover_start and c.cover_end
             where c.tenant_id = :tenant and c.kind = 'insurance'
               and c.cover_start <= cast(:to as date) and c.cover_end >= cast(:from as date)
             group by d
            union all
            select given_on, case kind when 'hardship_aid' then 'care.hardshipAid' when 'gift' then 'care.gifts'
                                       else 'care.healthChecks' end, count(*)
              from care_record
             where tenant_id = :tenant and kind in ('hardship_aid', 'gift', 'health_check')
               and given_on between cast(:from as date) and cast(:to as date)
             group by given_on, kind
            """;

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String facts() {
        return FACTS;
    }

    @Override
    public Kind kind(String counter) {
        return counter.equals(INSURED) ? Kind.LEVEL : Kind.FLOW;
    }

    @Override
    public boolean owns(String counter) {
        return counter.startsWith("care.");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.count(INSURED, Section.care, Direction.higher, INSURED),
                Figure.count(HARDSHIP_AID, Section.care, Direction.higher, HARDSHIP_AID),
                Figure.count(GIFTS, Section.care, Direction.higher, GIFTS),
                Figure.count(HEALTH_CHECKS, Section.care, Direction.higher, HEALTH_CHECKS));
    }
}
