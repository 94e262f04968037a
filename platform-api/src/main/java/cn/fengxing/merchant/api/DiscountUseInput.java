package cn.fengxing.merchant.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The merchant scanned the rider's personal code to confirm a discount. */
public record DiscountUseInput(@NotBlank @Size(max = 2000) String riderCode, @ReadableText @Size(max = 200) String note) {
}
