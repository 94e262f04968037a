package cn.fengxing.epass.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A friendly community as a rider sees it: its map, and whether the rider holds an e-pass in force for it. */
public record RiderFriendlyCommunityView(long id, String code, String name, String address, double lon, double lat,
                                         @Schema(description = "GeoJSON FeatureCollection, WGS84: entrances, buildings "
                                                 + "and units, rider parking, facilities, landmarks (properties.kind "
                                                 + "and properties.label)") Map<String, Object> map,
                                         String notes,
                                         @Schema(description = "The rider's e-pass in force for it; null without one")
                                         HeldPass pass) {
}
