package cn.fengxing.common.paging;

import java.util.Locale;

/** LIKE patterns for list filters, the caller's text matched literally; queries name the backslash as the escape. */
public final class Like {

    private Like() {
    }

    /** {@code text} with LIKE's wildcards and the escape character escaped. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Matches a lower-cased column containing {@code text}, ignoring case and surrounding blanks. */
    public static String containing(String text) {
        return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }
}
