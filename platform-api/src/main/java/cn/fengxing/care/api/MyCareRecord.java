package cn.fengxing.care.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A care record as the rider it was given to reads it in the rider app 我的关爱 (their own data, unmasked). */
public record MyCareRecord(long id, CareKind kind, LocalDate givenOn, String title, String detail, BigDecimal amount,
                           LocalDate coverStart, LocalDate coverEnd, String reference) {
}
