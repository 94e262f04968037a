package cn.fengxing.rider.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rider's personal data (phone, mainland ID number 身份证号): masked wherever it is shown, and
 * the ID number checked by its ISO 7064 MOD 11-2 check character (GB 11643).
 */
public final class PersonalData {

    private static final Pattern ID_NUMBER =
            Pattern.compile("^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9X]$");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("^(?:\\+86|0086|86)?(1\\d{10})$");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private PersonalData() {
    }

    /**
     * A mobile number as spreadsheets and people write it, reduced to its 11 digits: spaces, hyphens and brackets
     * dropped, and the country code (+86, 0086, 86) removed; anything else is returned as it was, to be refused.
     */
    public static String normalisePhone(String phone) {
        String digits = phone.replaceAll("[\\s\\-()]", "");
        Matcher m = MAINLAND_MOBILE.matcher(digits);
        return m.matches() ? m.group(1) : phone;
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() < 8 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** {@code 110105199001011234} → {@code 110105********1234}. */
    public static String maskIdNumber(String id) {
        if (id == null) {
            return null;
        }
        return id.length() < 11 ? "********" : id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** An 18-character mainland ID number with a plausible birth date and a correct check character (upper-case X). */
    public static boolean validIdNumber(String id) {
        if (id == null || !ID_NUMBER.matcher(id).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == id.charAt(17);
    }

    /** The ID number as stored: trimmed, check character upper-case. */
    public static String normaliseIdNumber(String id) {
        return id == null || id.isBlank() ? null : id.strip().toUpperCase();
    }
}
