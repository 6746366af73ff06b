package io.newsline.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsline.ingest.intake.FieldError;
import java.util.List;

/** An RFC 9457 problem document: every rejection of ingest-service is one of these. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:newsline:problem:";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, List.of());
    }

    public static Problem invalidFields(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError e : errors) {
            detail.append(detail.length() == 0 ? "" : "; ").append(e.field().isEmpty() ? "" : e.field() + " ").append(e.message());
        }
        return new Problem(TYPE_PREFIX + "invalid-fields", "The article has invalid fields", 400, detail.toString(),
                List.copyOf(errors));
    }

    public static Problem badJson(String detail) {
        return of("bad-json", "The body is not valid JSON", 400, detail);
    }

    public static Problem badEncoding(String detail) {
        return of("bad-encoding", "The body is not valid UTF-8", 400, detail);
    }

    public static Problem unauthorized(String detail) {
        return of("unauthorized", "A valid bearer token is required", 401, detail);
    }

    public static Problem tooLarge(String detail) {
        return of("too-large", "The request is too large", 413, detail);
    }

    public static Problem unsupportedMediaType(String detail) {
        return of("unsupported-media-type", "Unsupported media type", 415, detail);
    }

    public static Problem rateLimited(long retryAfterSeconds) {
        return of("rate-limited", "Too many requests", 429,
                "this token is over its write rate; retry after " + retryAfterSeconds + " s");
    }

    public static Problem unavailable(String detail) {
        return of("unavailable", "Kafka did not acknowledge in time", 503, detail);
    }
}
