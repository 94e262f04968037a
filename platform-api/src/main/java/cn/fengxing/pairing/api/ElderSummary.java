package cn.fengxing.pairing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An elder as lists show them: personal data masked (family name and stars, the address's start, the phone's first
 * three and last four digits); whole only through the audited reveal.
 */
public record ElderSummary(
        long id,
        ElderCommunity community,
        @Schema(description = "Masked: the family name and a star per character of the given name, e.g. 王**") String name,
        @Schema(description = "Masked: the address's first six characters and …") String address,
        @Schema(description = "Masked, e.g. 138****1234; null without a phone") String phoneMasked,
        boolean hasFamilyContact,
        @Schema(description = "How a rider finds the door") String landmark,
        @Schema(description = "The door photo's URL, or null") String doorPhoto,
        boolean active,
        @Schema(description = "The current pairing, or null") ElderPairing pairing,
        @Schema(description = "Whether an alert about the elder waits for its follow-up") boolean openAlert,
        PairingLastVisit lastVisit) {
}
