package cn.fengxing.rider.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a rider fills in on the mobile sign-up form. */
public record RegistrationInput(@NotBlank @Size(max = 50) String name,
                                @NotBlank @Pattern(regexp = RiderSpec.PHONE) String phone,
                                @NotNull Platform platform,
                                @Size(max = 100) String depot) {
}
