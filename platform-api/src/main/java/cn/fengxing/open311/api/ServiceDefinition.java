package cn.fengxing.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The attributes a service takes besides the standard fields (XML root {@code service_definition}, attributes
 * as {@code attributes/attribute}, values as {@code values/value}). Empty for a service with none.
 */
@Schema(name = "Open311ServiceDefinition")
public record ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {

    /** One attribute, sent with a request as {@code attribute[code]=key}. */
    @Schema(name = "Open311Attribute")
    public record Attribute(
            @Schema(description = "true: the requester answers it") boolean variable,
            String code,
            @Schema(description = "string, number, datetime, text, singlevaluelist or multivaluelist") String datatype,
            boolean required,
            @JsonProperty("datatype_description") String datatypeDescription,
            int order,
            String description,
            List<Value> values) {
    }

    @Schema(name = "Open311AttributeValue")
    public record Value(String key, String name) {
    }
}
