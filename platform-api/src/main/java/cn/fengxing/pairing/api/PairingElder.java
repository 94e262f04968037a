package cn.fengxing.pairing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The elder of a pairing, masked. */
public record PairingElder(long id, @Schema(description = "Masked, e.g. 王**") String name, ElderCommunity community) {
}
