package cn.fengxing.epass.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A friendly community near the rider, without its map: how far its main entrance is and whether the rider may enter. */
public record NearbyFriendlyCommunity(long id, String code, String name, String address, double lon, double lat,
                                      @Schema(description = "Great-circle distance to the main entrance, metres")
                                      long distanceMetres,
                                      @Schema(description = "Kinds of mark on its map (entrance, building, unit, "
                                              + "parking, facility, landmark), sorted") List<String> kinds,
                                      @Schema(description = "The rider's e-pass in force for it; null without one")
                                      HeldPass pass) {
}
