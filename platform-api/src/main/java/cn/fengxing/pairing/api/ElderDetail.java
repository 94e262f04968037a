package cn.fengxing.pairing.api;

/** An elder unmasked: what the audited reveal answers (pairing.elder.reveal). */
public record ElderDetail(long id, String familyName, String givenName, String address, Double lon, Double lat,
                          String phone, String familyContactName, String familyContactPhone, String notes,
                          String landmark, ElderCommunity community, boolean active) {
}
