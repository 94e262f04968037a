package cn.fengxing.rider.api;

import cn.fengxing.rider.entity.Rider;

/**
 * Who a scanned code belongs to, as a station keeper or merchant sees it: the name and a masked
 * phone (138****0001), enough to recognise the person in front of them and no more.
 */
public record RiderCard(long id, String name, String phone, String platform) {

    public static RiderCard of(Rider r) {
        return new RiderCard(r.id, r.name, mask(r.phone), r.platform);
    }

    static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
