package cn.fengxing.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The request id a token stands for (XML {@code service_requests/request}). */
@Schema(name = "Open311Token")
public record TokenLookup(@JsonProperty("service_request_id") long serviceRequestId, UUID token) {
}
