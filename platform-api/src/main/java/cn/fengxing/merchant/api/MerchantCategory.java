package cn.fengxing.merchant.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a partner merchant is: food 餐饮, retail 零售, repair 维修, pharmacy 药店, service 生活服务, other 其他. */
public enum MerchantCategory {
    food, retail, repair, pharmacy, service, other;

    @JsonValue
    public String code() {
        return name();
    }
}
