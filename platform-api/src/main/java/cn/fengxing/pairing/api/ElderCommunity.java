package cn.fengxing.pairing.api;

/** The community an elder lives in: its code and name. */
public record ElderCommunity(String code, String name) {
}
