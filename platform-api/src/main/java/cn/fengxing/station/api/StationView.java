package cn.fengxing.station.api;

import java.util.List;

/**
 * A station as admins and riders see it; {@code services} lists the basic services and its extras,
 * {@code keeperName} the keeper's name as a member of the township.
 */
public record StationView(long id, String code, String name, String kind, String grade, String address,
                          double lon, double lat, Long communityId, String community,
                          List<AmenityOffer> amenities, List<String> services, Object hours, Integer capacity,
                          String keeper, String keeperName, String phone, boolean active, long visits) {
}
