package cn.fengxing.pairing.api;

/** The rider of a pairing. */
public record PairingRider(long id, String name) {
}
