package cn.fengxing.open311.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key just issued: the only time the secret is shown. */
public record IssuedKey(
        Open311KeyView key,
        @Schema(description = "The API key (api_key of POST requests); shown once, kept only as a hash",
                example = "o311_Xk2f9tq0aQ5mB0b6cV8dR1eW4yZ7uN3pL2sJ9hG5fD0") String secret) {
}
