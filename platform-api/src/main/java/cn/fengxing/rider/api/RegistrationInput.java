package cn.fengxing.rider.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a rider fills in on the mobile sign-up form. */
public record RegistrationInput(@ReadableText @NotBlank @Size(max = 50) String name,
                                @NotBlank @Pattern(regexp = RiderSpec.PHONE) String phone,
                                @NotNull Platform platform,
                                @ReadableText @Size(max = 100) String depot,
                                @Schema(description = "The one-time binding code the township admin gave an imported rider "
                                        + "(optional; without it or a verified phone, binding waits for the admin's approval)",
                                        example = "K7M2-QX9P")
                                @Size(max = 20) String bindingCode) {
}
