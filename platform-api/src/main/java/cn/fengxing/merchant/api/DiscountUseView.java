package cn.fengxing.merchant.api;

import cn.fengxing.rider.api.RiderCard;

import java.time.OffsetDateTime;

/** A rider discount a merchant confirmed. */
public record DiscountUseView(long id, long merchantId, String merchant, RiderCard rider, OffsetDateTime at, String by,
                              String note) {
}
