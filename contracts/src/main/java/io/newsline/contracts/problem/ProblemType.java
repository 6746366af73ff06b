package io.newsline.contracts.problem;

/**
 * Every kind of problem a Newsline service answers with: one RFC 9457 problem type each, named
 * {@code urn:newsline:problem:<slug>}, with the title and status that go with it in every service.
 */
public enum ProblemType {
    // The generic type of a status comes first: forStatus picks it.
    BAD_REQUEST("bad-request", "Bad request", 400),
    INVALID_FIELDS("invalid-fields", "The request has invalid fields", 400),
    BAD_JSON("bad-json", "The body is not valid JSON", 400),
    BAD_ENCODING("bad-encoding", "The body is not valid UTF-8", 400),
    UNAUTHORIZED("unauthorized", "A valid bearer token is required", 401),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    TOO_LARGE("too-large", "The request is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "Service unavailable", 503);

    private static final String PREFIX = "urn:newsline:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** The problem's {@code type} member. */
    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /**
     * The type for an HTTP status the framework chose (an unknown path, a wrong method): the generic one of that
     * status, else a bad request or an internal error.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
