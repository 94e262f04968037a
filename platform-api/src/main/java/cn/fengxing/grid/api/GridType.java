package cn.fengxing.grid.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** Functional grid types of docs/product.md §3.2: basic 基础, business 商圈, fusion 融合, mobile 移动. */
public enum GridType {
    basic, business, fusion, mobile;

    @JsonValue
    public String code() {
        return name();
    }
}
