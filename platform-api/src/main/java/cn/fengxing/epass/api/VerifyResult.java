package cn.fengxing.epass.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.OffsetDateTime;
import java.util.List;

/** What a guard's phone shows for a scanned e-pass; the rest is null when the pass is invalid. */
public record VerifyResult(Result result, String riderName, List<String> communities, OffsetDateTime validUntil) {

    public enum Result {
        valid, expired, not_yet_valid, revoked, invalid;

        @JsonValue
        public String code() {
            return name();
        }
    }

    public static final VerifyResult INVALID = new VerifyResult(Result.invalid, null, null, null);
}
