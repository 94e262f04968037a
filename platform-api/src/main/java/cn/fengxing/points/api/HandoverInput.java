package cn.fengxing.points.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The code a station keeper scanned (or typed) from the rider's redemption. */
public record HandoverInput(@NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9 -]+$") String code) {
}
