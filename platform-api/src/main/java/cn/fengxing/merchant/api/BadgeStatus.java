package cn.fengxing.merchant.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** The 骑手友好商家 badge: none, applied (the merchant asked), awarded (hangs the sign), revoked. */
public enum BadgeStatus {
    none, applied, awarded, revoked;

    @JsonValue
    public String code() {
        return name();
    }
}
