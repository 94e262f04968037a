package cn.fengxing.common.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The error format of an API area whose wire format a published standard fixes (Open311 GeoReport v2): for
 * requests on its paths {@link ProblemMapper} hands every failure to the dialect instead of writing an RFC 9457
 * problem. Everything else about the failure (status, localised text, field messages) stays the mapper's.
 */
public interface ErrorDialect {

    /** Whether failures of requests to this path are answered in this dialect. */
    boolean covers(String path);

    /** The response for a failure: its HTTP status, what went wrong and, for bad input, each field's message. */
    Response render(String path, int status, String detail, List<Problem.FieldError> errors);
}
