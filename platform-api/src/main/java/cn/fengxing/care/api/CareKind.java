package cn.fengxing.care.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of care 关爱服务: insurance 保险, hardship_aid 困难帮扶, gift 节日慰问, health_check 健康体检. */
public enum CareKind {
    insurance("保险"), hardship_aid("困难帮扶"), gift("节日慰问"), health_check("健康体检");

    /** The Chinese name, as a spreadsheet's kind column may give it. */
    public final String zh;

    CareKind(String zh) {
        this.zh = zh;
    }

    @JsonValue
    public String code() {
        return name();
    }

    public static CareKind of(String code) {
        return valueOf(code);
    }

    /** The kind a spreadsheet cell names, by code or Chinese name (also 慰问, 体检, 大病医疗保险 style names ending in 保险). */
    public static Optional<CareKind> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.zh.equals(t)
                || (k == insurance && t.endsWith("保险")) || (k == gift && t.equals("慰问"))
                || (k == health_check && t.equals("体检")) || (k == hardship_aid && t.equals("帮扶"))).findFirst();
    }
}
