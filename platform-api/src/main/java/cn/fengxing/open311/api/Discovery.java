package cn.fengxing.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The service discovery document of a township's GeoReport v2 endpoint (XML root {@code discovery}). */
@Schema(name = "Open311Discovery")
public record Discovery(
        @Schema(description = "When this information last changed (W3C datetime)") String changeset,
        String contact,
        @JsonProperty("key_service") @Schema(description = "How to get an API key") String keyService,
        List<Endpoint> endpoints) {

    /** One endpoint: the GeoReport v2 API of the township (XML {@code endpoints/endpoint}). */
    @Schema(name = "Open311Endpoint")
    public record Endpoint(String specification, String url, String changeset,
                           @Schema(description = "production") String type,
                           @Schema(description = "Content types served (XML formats/format)") List<String> formats) {
    }
}
