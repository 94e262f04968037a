package cn.fengxing.pairing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An elder a rider looks in on, as the rider sees them: the given name, the address and how to find the door; never
 * the family name, phones, family contact or notes.
 */
public record MyElder(long pairingId, long elderId, String givenName, String address, String landmark,
                      @Schema(description = "The door photo's URL, or null") String doorPhoto, Double lon, Double lat,
                      String communityName,
                      @Schema(description = "Days of this week (Monday on, township time) with a look-in") int visitsThisWeek,
                      PairingLastVisit lastVisit,
                      @Schema(description = "Today's latest sign, or null before today's look-in") String today) {
}
