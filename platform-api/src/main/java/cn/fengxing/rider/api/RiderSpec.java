package cn.fengxing.rider.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A rider as a manifest (a township's first roster) lists them; matched by phone. */
public record RiderSpec(@ReadableText @NotBlank @Size(max = 50) String name,
                        @NotBlank @Pattern(regexp = PHONE) String phone,
                        @NotBlank @Size(max = 32) String platform,
                        @ReadableText @Size(max = 100) String depot,
                        @Size(max = 255) String subject,
                        @Pattern(regexp = "pending|active|suspended|left") String status) {

    /** Mainland China mobile number, 11 digits. */
    public static final String PHONE = "^1[3-9][0-9]{9}$";
}
