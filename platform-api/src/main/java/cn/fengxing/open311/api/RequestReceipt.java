package cn.fengxing.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What POST requests answers (XML {@code service_requests/request}): the new request's id and token. */
@Schema(name = "Open311Receipt")
public record RequestReceipt(
        @JsonProperty("service_request_id") long serviceRequestId,
        @Schema(description = "Also resolvable with GET tokens/{token}") UUID token,
        @JsonProperty("service_notice") @Schema(description = "What the reporter is told on receipt") String serviceNotice,
        @JsonProperty("account_id") String accountId) {
}
