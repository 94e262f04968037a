package cn.fengxing.care.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A care record as an admin writes it: the rider, the kind, the day given, a title (e.g. 大病医疗保险, 防暑降温物品),
 * the optional detail, amount and note; insurance also has its cover's first and last day and may have the policy
 * number.
 */
public record CareRecordInput(
        @NotNull @Schema(description = "The rider's id") Long riderId,
        @NotNull CareKind kind,
        @NotNull LocalDate givenOn,
        @ReadableText @NotBlank @Size(max = 100) String title,
        @ReadableText @Size(max = 500) String detail,
        @PositiveOrZero @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        @Schema(description = "Yuan") BigDecimal amount,
        @Schema(description = "Insurance only: the first day of cover") LocalDate coverStart,
        @Schema(description = "Insurance only: the last day of cover") LocalDate coverEnd,
        @Size(max = 64) @Pattern(regexp = REFERENCE) @Schema(description = "The policy number 保单号")
        String reference,
        @ReadableText @Size(max = 500) String note) {

    /** A policy number: letters, digits and - / _ . only. */
    public static final String REFERENCE = "^[A-Za-z0-9][A-Za-z0-9_./-]*$";
}
