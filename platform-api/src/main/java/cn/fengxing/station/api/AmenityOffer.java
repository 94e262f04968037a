package cn.fengxing.station.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * An amenity a station offers, by code from the township's list; priced amenities (meals) may give a
 * price. Input also takes the bare code ({@code "water"}), which keeps manifests short.
 */
public record AmenityOffer(@NotBlank @Size(max = 32) String code,
                           @PositiveOrZero @DecimalMax("10000") @Digits(integer = 5, fraction = 2)
                           @Schema(description = "Price in yuan, only for priced amenities such as meals 餐食")
                           BigDecimal price) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public AmenityOffer(@JsonProperty("code") String code, @JsonProperty("price") BigDecimal price) {
        this.code = code;
        this.price = price;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AmenityOffer of(String code) {
        return new AmenityOffer(code, null);
    }
}
