package cn.fengxing.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details: a stable {@code type}, a localised {@code title} and {@code detail},
 * and for validation failures the offending fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending input field, named by its JSON path ({@code features[3].geometry}). */
    public record FieldError(String field, String message) {
    }
}
