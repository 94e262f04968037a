package cn.fengxing.identity.service;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A person's name as people read it, from the OIDC profile claims. Identity providers compose the
 * {@code name} claim given name first ("建国 张"), so the parts win over it when both are present:
 * family name first and unspaced for Chinese names (张建国), given name first otherwise.
 */
public final class PersonName {

    private PersonName() {
    }

    public static String of(JsonWebToken token) {
        return of(token.getClaim("family_name"), token.getClaim("given_name"), token.getClaim("name"),
                token.getClaim("preferred_username"));
    }

    static String of(String family, String given, String name, String username) {
        if (present(family) && present(given)) {
            return han(family) || han(given) ? family.strip() + given.strip() : given.strip() + " " + family.strip();
        }
        if (present(name)) {
            return name.strip();
        }
        if (present(family)) {
            return family.strip();
        }
        return present(given) ? given.strip() : username;
    }

    /** Two-character family names 复姓 that a full name starts with (欧阳修 is 欧阳 + 修). */
    private static final java.util.Set<String> COMPOUND_FAMILY_NAMES = java.util.Set.of("欧阳", "司马", "诸葛", "上官",
            "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "独孤", "南宫", "西门",
            "端木", "百里", "呼延", "申屠", "闻人", "澹台", "公冶", "太史", "拓跋", "钟离", "宗政", "濮阳", "赫连", "万俟");

    /**
     * A Chinese full name written family name first (王秀兰, 欧阳明) split into family name and given name: a known
     * two-character family name 复姓, else the first character; spaces between the parts are dropped. A name of
     * one character, or one in another script written with a space ("Li Na"), splits at its first space; null when
     * the name cannot be split (one character, or one word).
     */
    public static String[] split(String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        if (!han(name)) {
            int space = name.indexOf(' ');
            return space < 0 ? null : new String[]{name.substring(0, space), name.substring(space + 1).strip()};
        }
        String joined = name.replaceAll("\\s+", "");
        int first = joined.offsetByCodePoints(0, 1);
        if (joined.length() > first && joined.codePointCount(0, joined.length()) >= 3
                && COMPOUND_FAMILY_NAMES.contains(joined.substring(0, joined.offsetByCodePoints(0, 2)))) {
            int second = joined.offsetByCodePoints(0, 2);
            return new String[]{joined.substring(0, second), joined.substring(second)};
        }
        int space = name.indexOf(' ');
        if (space > 0) {
            return new String[]{name.substring(0, space), name.substring(space + 1).replaceAll("\\s+", "")};
        }
        return joined.length() > first ? new String[]{joined.substring(0, first), joined.substring(first)} : null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean han(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
