package cn.fengxing.pairing.api;

import java.time.LocalDate;

/** The rider an elder is paired with now (endOn null while open). */
public record ElderPairing(long id, String riderName, LocalDate startOn, LocalDate endOn) {
}
