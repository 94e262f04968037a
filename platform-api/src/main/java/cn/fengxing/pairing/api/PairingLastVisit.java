package cn.fengxing.pairing.api;

import java.time.LocalDate;

/** The latest look-in 探访: its township day and its sign (ok, garbage_not_out, no_answer, needs_help). */
public record PairingLastVisit(LocalDate day, String outcome) {
}
