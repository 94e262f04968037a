package cn.fengxing.care.api;

/** What a care import did: the records added. */
public record CareImportResult(int created) {
}
