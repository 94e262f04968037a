package cn.fengxing.station.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** An amenity a station offers, by code from the township's list; priced amenities (meals) may give a price. */
public record AmenityOffer(@NotBlank @Size(max = 32) String code,
                           @PositiveOrZero @DecimalMax("10000") @Digits(integer = 5, fraction = 2)
                           @Schema(description = "Price in yuan, only for priced amenities such as meals 餐食")
                           BigDecimal price) {
}
