package cn.fengxing.merchant.api;

/** A partner merchant with its keeper's member name and the number of rider discounts it has confirmed. */
public record MerchantView(long id, String code, String name, String category, String address, double lon, double lat,
                           String discount, String badge, Long stationId, String station, String contactName,
                           String phone, String keeper, String keeperName, long discountUses) {
}
