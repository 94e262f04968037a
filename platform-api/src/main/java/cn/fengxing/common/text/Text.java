package cn.fengxing.common.text;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;

import java.util.List;

/**
 * What the platform accepts as text from people and files. PostgreSQL cannot store the NUL character, so every
 * way in refuses it (the request filter, the JSON reader, and the parsers of uploaded files through
 * {@link #requireNoNul}); text that people read must also be {@link ReadableText}.
 */
public final class Text {

    /** The message key of a value with a NUL character. */
    public static final String NUL = "text.nul";

    /** The message key of text that is not {@link #readable}. */
    public static final String READABLE = "text.readable";

    private Text() {
    }

    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    /** The value, or a 400 naming the field if it has a NUL character: for parsers of uploaded files. */
    public static String requireNoNul(String field, String value) {
        if (hasNul(value)) {
            throw ProblemException.invalid(List.of(new Violation(field, NUL)));
        }
        return value;
    }

    /**
     * Whether the value may be shown to people as it is: no control characters but tab and line breaks, no bidi
     * controls (overrides, embeddings, isolates and marks, which can make text read differently from what it
     * is), and not made only of invisible characters. Null and empty values are left to other constraints.
     */
    public static boolean readable(String value) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (bidiControl(c) || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
            visible |= !invisible(c);
        }
        return visible;
    }

    private static boolean bidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    /** Spaces, line breaks, zero-width and other format characters, and the blank-looking fillers. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.CONTROL || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x3164
                || c == 0xFFA0 || c == 0x2800;
    }
}
