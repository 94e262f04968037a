package cn.fengxing.common.problem;

/** The stable kinds of error the API answers with; the slug is part of the public contract. */
public enum ProblemType {
    BAD_REQUEST(400, "bad-request"),
    MALFORMED(400, "malformed-request"),
    VALIDATION(400, "validation"),
    UNAUTHENTICATED(401, "unauthenticated"),
    FORBIDDEN(403, "forbidden"),
    TENANT_SUSPENDED(403, "tenant-suspended"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    CONFLICT(409, "conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    URI_TOO_LONG(414, "uri-too-long"),
    HEADERS_TOO_LARGE(431, "headers-too-large"),
    TOO_MANY_REQUESTS(429, "too-many-requests"),
    /** A report's point lies outside every grid of the township: the rider confirms the place (outsideConfirmed). */
    OUTSIDE_TOWNSHIP(422, "outside-township"),
    INTERNAL(500, "internal"),
    /** A service the platform depends on (the identity provider's directory) failed or refused it. */
    BAD_GATEWAY(502, "bad-gateway"),
    /** The database cannot be reached for now (restarting, failing over): try again shortly. */
    SERVICE_UNAVAILABLE(503, "service-unavailable");

    public final int status;
    public final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public String uri() {
        return "urn:fengxing:problem:" + slug;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            // outside-township is the API's own answer, never a framework's 422
            if (t.status == status && t != OUTSIDE_TOWNSHIP) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
