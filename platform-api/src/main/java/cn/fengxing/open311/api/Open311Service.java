package cn.fengxing.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service type (a report category of the township) in the services list (XML {@code services/service}). */
@Schema(name = "Open311Service")
public record Open311Service(
        @JsonProperty("service_code") @Schema(description = "The category code", example = "road-damage") String serviceCode,
        @JsonProperty("service_name") @Schema(example = "道路破损") String serviceName,
        @Schema(description = "The category's place (group › category), or the hotline to call first") String description,
        @Schema(description = "Whether the service definition lists attributes") boolean metadata,
        @Schema(description = "realtime: a request gets its id at once") String type,
        @Schema(description = "The name in both languages, comma separated") String keywords,
        @Schema(description = "The category group's name") String group) {
}
