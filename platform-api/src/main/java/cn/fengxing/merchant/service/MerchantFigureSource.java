package cn.fengxing.merchant.service;

import cn.fengxing.region.service.Figure;
import cn.fengxing.region.service.Figure.Direction;
import cn.fengxing.region.service.Figure.Section;
import cn.fengxing.region.service.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Partner merchants 骑手友好商家 (from the day they joined) and the riders' discount uses 优惠核销. */
@ApplicationScoped
public class MerchantFigureSource implements FigureSource {

    private static final String FACTS = """
            select (created_at at time zone :zone)::date, 'merchants.partners', 1
              from merchant
             where tenant_id = :tenant and created_at >= :start and created_at < :end
            union all
            select (at at time zone :zone)::date, 'merchants.discountUses', 1
              from merchant_discount_use
             where tenant_id = :tenant and at >= :start and at < :end
            """;

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String facts() {
        return FACTS;
    }

    @Override
    public Kind kind(String counter) {
        return counter.equals("merchants.discountUses") ? Kind.FLOW : Kind.STOCK;
    }

    @Override
    public boolean owns(String counter) {
        return counter.startsWith("merchants.");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                Figure.count("merchants.partners", Section.merchants, Direction.higher, "merchants.partners"),
                Figure.count("merchants.discountUses", Section.merchants, Direction.higher, "merchants.discountUses"));
    }
}
