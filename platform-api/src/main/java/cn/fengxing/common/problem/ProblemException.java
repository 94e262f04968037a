package cn.fengxing.common.problem;

import java.util.List;

/**
 * A failure the caller can act on. It carries a message key (resolved in the caller's language
 * by {@link ProblemMapper}) rather than text, so one error reads right in zh-CN and English.
 */
public class ProblemException extends RuntimeException {

    public final ProblemType type;
    public final String detailKey;
    public final transient Object[] args;
    public final List<Violation> errors;
    /** Seconds after which trying again may succeed (sent as Retry-After), or null. */
    public final Long retryAfterSeconds;

    public ProblemException(ProblemType type, String detailKey, List<Violation> errors, Object... args) {
        this(type, detailKey, errors, null, args);
    }

    private ProblemException(ProblemType type, String detailKey, List<Violation> errors, Long retryAfterSeconds,
                             Object... args) {
        super(detailKey, null, false, false);
        this.type = type;
        this.detailKey = detailKey;
        this.args = args;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many requests for now: try again after {@code retryAfterSeconds}. */
    public static ProblemException tooManyRequests(long retryAfterSeconds, String key, Object... args) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, key, null, retryAfterSeconds, args);
    }

    public static ProblemException badRequest(String key, Object... args) {
        return new ProblemException(ProblemType.BAD_REQUEST, key, null, args);
    }

    public static ProblemException notFound(String key, Object... args) {
        return new ProblemException(ProblemType.NOT_FOUND, key, null, args);
    }

    public static ProblemException forbidden(String key, Object... args) {
        return new ProblemException(ProblemType.FORBIDDEN, key, null, args);
    }

    public static ProblemException conflict(String key, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, key, null, args);
    }

    /** Input that parsed but is not acceptable; {@code errors} name each offending field. */
    public static ProblemException invalid(List<Violation> errors) {
        return new ProblemException(ProblemType.VALIDATION, "validation.failed", errors);
    }

    /** One offending field with a message key, localised when the response is written. */
    public record Violation(String field, String key, Object... args) {
    }
}
