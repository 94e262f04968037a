package cn.fengxing.pairing.service;

import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.rider.service.PersonalData;

/**
 * How an elder's personal data reads until someone who looks after the elder reveals it (audited): the family name
 * and a star per character of the given name (王**), the address cut to its first six characters, phones masked as
 * the riders' list masks them. Inbox messages and lists use these forms only.
 */
public final class ElderMasking {

    static final int ADDRESS_SHOWN = 6;

    private ElderMasking() {
    }

    public static String name(Elder elder) {
        return elder.familyName + "*".repeat(Math.max(1, elder.givenName.codePointCount(0, elder.givenName.length())));
    }

    public static String address(String address) {
        if (address == null || address.codePointCount(0, address.length()) <= ADDRESS_SHOWN) {
            return address;
        }
        return address.substring(0, address.offsetByCodePoints(0, ADDRESS_SHOWN)) + "…";
    }

    public static String phone(String phone) {
        return phone == null ? null : PersonalData.maskPhone(phone);
    }
}
