package cn.fengxing.epass.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A scanned e-pass QR code. */
public record VerifyInput(@NotNull @Size(max = 8192) String token) {
}
