package cn.fengxing.merchant.service;

import cn.fengxing.region.service.CountFigureSource;
import cn.fengxing.region.service.Figure.Section;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Partner merchants 骑手友好商家 (from the day they joined) and the riders' discount uses 优惠核销. */
@ApplicationScoped
public class MerchantFigureSource extends CountFigureSource {

    public MerchantFigureSource() {
        super(60, Section.merchants, """
                select (created_at at time zone :zone)::date, 'merchants.partners', 1
                  from merchant
                 where tenant_id = :tenant and created_at >= :start and created_at < :end
                union all
                select (at at time zone :zone)::date, 'merchants.discountUses', 1
                  from merchant_discount_use
                 where tenant_id = :tenant and at >= :start and at < :end
                """, List.of("merchants.partners"), List.of("merchants.discountUses"));
    }
}
