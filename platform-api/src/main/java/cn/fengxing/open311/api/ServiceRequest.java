package cn.fengxing.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A report as GeoReport v2 shows it to anyone (XML {@code service_requests/request}): what, where, how far it has
 * got, and who is responsible; nothing about the person who filed it.
 */
@Schema(name = "Open311Request")
public record ServiceRequest(
        @JsonProperty("service_request_id") long serviceRequestId,
        @Schema(description = "open while being worked on or awaiting the reporter's verification; closed once "
                + "concluded (fixed, not fixed, rejected, duplicate)") String status,
        @JsonProperty("status_notes") @Schema(description = "The latest message the reporter received") String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        String description,
        @JsonProperty("agency_responsible") @Schema(description = "The department or grid worker it is assigned to")
        String agencyResponsible,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("requested_datetime") String requestedDatetime,
        @JsonProperty("updated_datetime") String updatedDatetime,
        @JsonProperty("expected_datetime") @Schema(description = "The resolution deadline of the SLA") String expectedDatetime,
        String address,
        @JsonProperty("address_id") String addressId,
        String zipcode,
        double lat,
        @JsonProperty("long") double lon,
        @JsonProperty("media_url") String mediaUrl) {
}
