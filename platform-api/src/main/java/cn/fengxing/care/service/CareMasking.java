package cn.fengxing.care.service;

import cn.fengxing.rider.service.PersonalData;

/**
 * How a care record's personal data reads until an admin reveals it: the rider's phone as the riders' list masks it,
 * the name of who received hardship aid 困难帮扶 down to the family name (张*, family name first), a policy number
 * down to its first and last two characters.
 */
final class CareMasking {

    private CareMasking() {
    }

    static String phone(String phone) {
        return PersonalData.maskPhone(phone);
    }

    static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    static String reference(String reference) {
        if (reference == null) {
            return null;
        }
        return reference.length() < 6 ? "****" : reference.substring(0, 2) + "****"
                + reference.substring(reference.length() - 2);
    }
}
