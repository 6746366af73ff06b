package io.newsline.contracts.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, the one shape in which every Newsline service answers an error:
 * {@code type}, {@code title}, {@code status}, {@code detail}, for field errors {@code errors: [{field,
 * message}]}, and any extension member (such as {@code mergedInto}) once, at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, List.of(), Map.of());
    }

    /** A 400 listing every bad field; the detail joins them, for a reader of the log or the console. */
    public static Problem invalidFields(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError e : errors) {
            detail.append(detail.length() == 0 ? "" : "; ")
                    .append(e.field() == null || e.field().isEmpty() ? "" : e.field() + " ").append(e.message());
        }
        ProblemType t = ProblemType.INVALID_FIELDS;
        return new Problem(t.uri(), t.title(), t.status(), detail.toString(), errors, Map.of());
    }

    public static Problem badJson(String detail) {
        return of(ProblemType.BAD_JSON, detail);
    }

    public static Problem badEncoding(String detail) {
        return of(ProblemType.BAD_ENCODING, detail);
    }

    public static Problem unauthorized(String detail) {
        return of(ProblemType.UNAUTHORIZED, detail);
    }

    public static Problem notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static Problem conflict(String detail) {
        return of(ProblemType.CONFLICT, detail);
    }

    public static Problem tooLarge(String detail) {
        return of(ProblemType.TOO_LARGE, detail);
    }

    public static Problem unsupportedMediaType(String detail) {
        return of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    public static Problem rateLimited(long retryAfterSeconds) {
        return of(ProblemType.RATE_LIMITED, "this token is over its write rate; retry after " + retryAfterSeconds + " s");
    }

    public static Problem unavailable(String detail) {
        return of(ProblemType.UNAVAILABLE, detail);
    }

    /** A 500 that says nothing of the cause to the client; the service logs it. */
    public static Problem internal() {
        return of(ProblemType.INTERNAL, "the request could not be handled; see the service log");
    }

    /** The same problem with one more extension member, written at the top level beside {@code type}. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, errors, more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }
}
