package cn.fengxing.rider.api;

/** A rider's unmasked phone and ID number, for a tenant admin; each reveal is audited. */
public record PersonalDataView(long riderId, String phone, String idNumber) {
}
