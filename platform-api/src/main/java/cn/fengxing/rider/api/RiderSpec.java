package cn.fengxing.rider.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A rider as a manifest (a township's first roster) lists them; matched by phone. {@code squad}: the name of a squad
 * 小分队 of the township (manifest section {@code squads}); {@code joinedDaysAgo}: the enrolment day, counted back from
 * the day the manifest first lists the rider (the roster of a programme that started earlier), kept on later applies.
 */
public record RiderSpec(@ReadableText @NotBlank @Size(max = 50) String name,
                        @NotBlank @Pattern(regexp = PHONE) String phone,
                        @NotBlank @Size(max = 32) String platform,
                        @ReadableText @Size(max = 100) String depot,
                        @Size(max = 255) String subject,
                        @Pattern(regexp = "pending|active|suspended|left") String status,
                        @ReadableText @Size(max = 100) String squad,
                        Boolean volunteer,
                        @Min(0) @Max(3650) Integer joinedDaysAgo) {

    /** Mainland China mobile number, 11 digits. */
    public static final String PHONE = "^1[3-9][0-9]{9}$";
}
