package cn.fengxing.merchant.service;

import cn.fengxing.merchant.api.DiscountUseHistoryEntry;
import cn.fengxing.merchant.entity.DiscountUse;
import cn.fengxing.merchant.entity.Merchant;
import cn.fengxing.station.service.ScanHistory;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Manifest section {@code discountUseHistory}: [{code, merchant (code), rider (phone), daysAgo, time, by, note}],
 * discounts partner merchants confirmed earlier, each imported once by code as the keeper's scan of the rider's
 * code (ScanHistory). After the riders and merchants it names.
 */
@ApplicationScoped
public class DiscountUseHistorySection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    ScanHistory history;

    @Override
    public String key() {
        return "discountUseHistory";
    }

    @Override
    public int order() {
        return 93;
    }

    @Override
    public List<String> apply(JsonNode section) {
        Map<String, ScanHistory.Place> merchants = new HashMap<>();
        Merchant.<Merchant>listAll().forEach(m -> merchants.put(m.code, new ScanHistory.Place(m.id, m.keeperSubject, true)));
        return history.apply(key(), reader.list(key(), section, DiscountUseHistoryEntry.class), DiscountUse.class,
                "discount uses", "merchant", merchants, "merchant.unknown", (e, at, merchant, rider) -> {
                    DiscountUse use = new DiscountUse();
                    use.merchantId = merchant;
                    use.riderId = rider.id;
                    use.at = at;
                    use.bySubject = e.by();
                    use.note = e.note();
                    use.importCode = e.code();
                    return use;
                });
    }
}
