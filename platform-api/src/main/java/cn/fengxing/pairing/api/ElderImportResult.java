package cn.fengxing.pairing.api;

/** What an elder import wrote: elders added and elders updated (found by community, name and address). */
public record ElderImportResult(int created, int updated) {
}
