package cn.fengxing.rider.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** Delivery platforms a rider works for; stored by code. */
public enum Platform {
    meituan("美团", "Meituan"),
    eleme("饿了么", "Ele.me"),
    sf("顺丰", "SF Express"),
    sto("申通", "STO Express"),
    uu("UU跑腿", "UU Paotui"),
    jd("京东", "JD Logistics"),
    other("其他", "Other");

    public final String nameZh;
    public final String nameEn;

    Platform(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    @JsonValue
    public String code() {
        return name();
    }

    /** The platform named by its code or its Chinese or English name (as a spreadsheet may spell it). */
    public static Optional<Platform> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(t) || p.nameZh.equals(t)
                || p.nameEn.equalsIgnoreCase(t)).findFirst();
    }
}
