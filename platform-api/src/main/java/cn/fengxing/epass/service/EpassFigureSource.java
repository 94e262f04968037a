package cn.fengxing.epass.service;

import cn.fengxing.region.service.Figure;
import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Section;
import cn.fengxing.region.service.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Rider-friendly communities 骑手友好小区 (from the day they were added) and e-passes 电子通行证 issued. */
@ApplicationScoped
public class EpassFigureSource implements FigureSource {

    private static final String FACTS = """
            select (created_at at time zone :zone)::date, 'passes.friendlyCommunities', 1
              from friendly_community
             where tenant_id = :tenant and created_at >= :start and created_at < :end
            union all
            select (issued_at at time zone :zone)::date, 'passes.issued', 1
              from epass
             where tenant_id = :tenant and issued_at >= :start and issued_at < :end
            """;

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String facts() {
        return FACTS;
    }

    @Override
    public Kind kind(String counter) {
        return counter.equals("passes.issued") ? Kind.FLOW : Kind.STOCK;
    }

    @Override
    public boolean owns(String counter) {
        return counter.startsWith("passes.");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.count("passes.friendlyCommunities", Section.passes, Direction.higher, "passes.friendlyCommunities"),
                Figure.count("passes.issued", Section.passes, Direction.higher, "passes.issued"));
    }
}
