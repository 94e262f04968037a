package cn.fengxing.care.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A care record in the console. Masked unless revealed: the rider's phone always (138****5678), the name of who
 * received hardship aid (张*), the amount (null, hasAmount tells there is one) and the policy number (PA****01).
 * recordedByName: the member who recorded it, by name.
 */
public record CareRecordView(long id, long riderId, String riderName, String riderPhone, CareKind kind,
                             LocalDate givenOn, String title, String detail, BigDecimal amount, boolean hasAmount,
                             LocalDate coverStart, LocalDate coverEnd, String reference, String note,
                             String recordedByName, OffsetDateTime updatedAt,
                             @Schema(description = "Whether personal data is masked in this view") boolean masked) {
}
