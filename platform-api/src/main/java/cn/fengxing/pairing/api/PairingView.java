package cn.fengxing.pairing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A pairing 结对 of a rider and an elder, with the latest look-in and the anomalous days in a row now. */
public record PairingView(long id, PairingElder elder, PairingRider rider, LocalDate startOn, LocalDate endOn,
                          PairingLastVisit lastVisit,
                          @Schema(description = "Anomalous days in a row up to today (a missed day counts)") int streak) {
}
