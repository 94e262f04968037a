package cn.fengxing.epass.service;

import cn.fengxing.region.service.CountFigureSource;
import cn.fengxing.region.service.Figure.Section;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Rider-friendly communities 骑手友好小区 (from the day they were added) and e-passes 电子通行证 issued. */
@ApplicationScoped
public class EpassFigureSource extends CountFigureSource {

    public EpassFigureSource() {
        super(50, Section.passes, """
                select (created_at at time zone :zone)::date, 'passes.friendlyCommunities', 1
                  from friendly_community
                 where tenant_id = :tenant and created_at >= :start and created_at < :end
                union all
                select (issued_at at time zone :zone)::date, 'passes.issued', 1
                  from epass
                 where tenant_id = :tenant and issued_at >= :start and issued_at < :end
                """, List.of("passes.friendlyCommunities"), List.of("passes.issued"));
    }
}
