package cn.fengxing.pairing.api;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** Pairs a rider with an elder from a day on (township days). */
public record PairingInput(@NotNull Long elderId, @NotNull Long riderId, @NotNull LocalDate startOn) {
}
