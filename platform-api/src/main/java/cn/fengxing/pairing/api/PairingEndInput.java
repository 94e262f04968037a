package cn.fengxing.pairing.api;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The last day of a pairing (inclusive). */
public record PairingEndInput(@NotNull LocalDate endOn) {
}
