package cn.fengxing.care.api;

import java.math.BigDecimal;

/** One kind's totals: records, riders they went to, and the yuan given (amounts recorded). */
public record CareTotal(CareKind kind, long records, long riders, BigDecimal amount) {
}
