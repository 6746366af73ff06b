package io.newsline.ingest.api;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The examples of ingest's OpenAPI document, one per answer, so every endpoint and error shows one. */
@SecurityScheme(securitySchemeName = ApiExamples.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token of NEWSLINE_TOKENS for writes; of NEWSLINE_READ_TOKENS (when set) for reads")
public final class ApiExamples {

    public static final String BEARER = "bearer";

    public static final String ARTICLE = """
            {"title": "Shelling in Kharkiv", "body": "Shelling hit the centre of Kharkiv on Saturday.",
             "url": "https://example.org/news/kharkiv-1", "source": "Example Wire",
             "publishedAt": "2025-06-07T10:15:00+03:00", "language": "en"}""";
    public static final String ARTICLE_HTML = """
            {"title": "Storm &amp; floods", "format": "html",
             "body": "<p>Rain fell.</p><p>Rivers rose.</p>", "publishedAt": "2025-06-07"}""";
    public static final String ACCEPTED = "{\"id\": \"u-3f0c9a1b2c4d5e6f7a8b9c0d\", \"duplicate\": false}";
    public static final String DUPLICATE = "{\"id\": \"u-3f0c9a1b2c4d5e6f7a8b9c0d\", \"duplicate\": true}";

    public static final String INVALID_FIELDS = """
            {"type": "urn:newsline:problem:invalid-fields", "title": "The request has invalid fields", "status": 400,
             "detail": "title must not be blank; url must be an absolute http or https URL",
             "errors": [{"field": "title", "message": "must not be blank"},
                        {"field": "url", "message": "must be an absolute http or https URL"}]}""";
    public static final String BAD_JSON = """
            {"type": "urn:newsline:problem:bad-json", "title": "The body is not valid JSON", "status": 400,
             "detail": "Unexpected character ('}' (code 125)): expected a value (line 2, column 11)"}""";
    public static final String BAD_ENCODING = """
            {"type": "urn:newsline:problem:bad-encoding", "title": "The body is not valid UTF-8", "status": 400,
             "detail": "invalid UTF-8 at byte offset 14"}""";
    public static final String UNAUTHORIZED = """
            {"type": "urn:newsline:problem:unauthorized", "title": "A valid bearer token is required", "status": 401,
             "detail": "the bearer token is not known; writes need a token of NEWSLINE_TOKENS"}""";
    public static final String TOO_LARGE = """
            {"type": "urn:newsline:problem:too-large", "title": "The request is too large", "status": 413,
             "detail": "the body has 2000000 bytes; the limit is 1048576"}""";
    public static final String UNSUPPORTED = """
            {"type": "urn:newsline:problem:unsupported-media-type", "title": "Unsupported media type", "status": 415,
             "detail": "Content-Type text/plain is not accepted here; send application/json"}""";
    public static final String RATE_LIMITED = """
            {"type": "urn:newsline:problem:rate-limited", "title": "Too many requests", "status": 429,
             "detail": "this token is over its write rate; retry after 1 s"}""";
    public static final String UNAVAILABLE = """
            {"type": "urn:newsline:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "Kafka did not acknowledge within 5000 ms; the outcome is unknown and re-posting is safe (a stored article is recognised as a duplicate)"}""";
    public static final String NOT_FOUND = """
            {"type": "urn:newsline:problem:not-found", "title": "Not found", "status": 404,
             "detail": "there is no feed named desk"}""";
    public static final String CONFLICT = """
            {"type": "urn:newsline:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "feed desk comes from newsline.feeds.desk; change it there"}""";

    public static final String BATCH_NDJSON = """
            {"title": "One", "body": "First article.", "url": "https://example.org/1"}
            {"title": "", "body": "no title"}
            """;
    public static final String BATCH_ARRAY = """
            [{"title": "One", "body": "First article.", "url": "https://example.org/1"},
             {"title": "", "body": "no title"}]""";
    public static final String BATCH_RESULT = """
            {"items": 2, "accepted": 1, "duplicates": 0, "rejected": 1, "unavailable": 0,
             "results": [{"index": 0, "status": 202, "id": "u-3f0c9a1b2c4d5e6f7a8b9c0d", "duplicate": false},
                         {"index": 1, "status": 400, "problem": {"type": "urn:newsline:problem:invalid-fields",
                          "title": "The request has invalid fields", "status": 400, "detail": "title must not be blank",
                          "errors": [{"field": "title", "message": "must not be blank"}]}}]}""";

    public static final String FEED_REQUEST = """
            {"name": "desk", "url": "https://example.org/atom.xml", "intervalSeconds": 300, "source": "Desk"}""";
    public static final String FEED_STATUS = """
            {"name": "desk", "url": "https://example.org/atom.xml", "intervalSeconds": 300, "source": "Desk",
             "origin": "api", "lastPollAt": "2025-06-07T10:00:00Z", "lastSuccessAt": "2025-06-07T10:00:00Z",
             "lastHttpStatus": 304, "lastError": null, "polls": 12, "notModified": 11, "failures": 0,
             "itemsSeen": 20, "itemsAccepted": 20, "itemsDuplicate": 0, "itemsRejected": 0, "itemsFailed": 0}""";
    public static final String FEED_LIST = "[" + FEED_STATUS + "]";
    public static final String FEED_INVALID = """
            {"type": "urn:newsline:problem:invalid-fields", "title": "The feed has invalid fields", "status": 400,
             "detail": "url must be an absolute http or https URL",
             "errors": [{"field": "url", "message": "must be an absolute http or https URL"}]}""";

    private ApiExamples() {}
}
