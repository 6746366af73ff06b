package io.newsline.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.model.Article;
import io.newsline.contracts.problem.FieldError;
import io.newsline.contracts.text.ArticleIds;
import io.newsline.contracts.text.TextNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a posted JSON object into the Article that goes to Kafka, or into the list of everything wrong
 * with it. Text is normalised first (HTML converted when {@code format} is {@code html}), so the lengths
 * checked are those of the text that will be published.
 */
public final class ArticleValidator {

    public static final int MAX_TITLE = 1_000;
    public static final int MAX_BODY = 200_000;
    public static final int MAX_URL = 2_048;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_ID = 128;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    /** How far past the time received a publication date may lie (clock skew, time zones). */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    private static final List<String> FIELDS =
            List.of("id", "title", "body", "url", "source", "publishedAt", "language", "format", "receivedAt");

    /** The ISO 639 languages Java knows: the two-letter codes and their three-letter (ISO 639-2) forms. */
    private static final Set<String> ISO_639 = iso639();

    /** The outcome: exactly one of {@code article} and a non-empty {@code errors}. */
    public record Result(Article article, List<FieldError> errors) {
        public boolean valid() {
            return article != null;
        }
    }

    public Result validate(JsonNode json, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        if (json == null || !json.isObject()) {
            errors.add(new FieldError("", "an article is a JSON object"));
            return new Result(null, errors);
        }
        for (String field : FIELDS) {
            JsonNode v = json.get(field);
            if (v != null && !v.isNull() && !v.isTextual()) {
                errors.add(new FieldError(field, "must be a string"));
            }
        }
        String format = text(json, "format");
        boolean html = false;
        if (format != null && !format.equals("text") && !format.equals("html")) {
            errors.add(new FieldError("format", "must be \"text\" or \"html\", not \"" + shorten(format) + "\""));
        } else {
            html = "html".equals(format);
        }
        String title = requiredText(json, "title", MAX_TITLE, html, errors);
        String body = requiredText(json, "body", MAX_BODY, html, errors);
        String url = url(text(json, "url"), errors);
        String source = source(text(json, "source"), errors);
        String publishedAt = publishedAt(text(json, "publishedAt"), receivedAt, errors);
        String language = language(text(json, "language"), errors);
        String id = id(text(json, "id"), errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        if (id == null) {
            id = ArticleIds.derive(url, title, body);
        }
        String received = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(receivedAt.atOffset(ZoneOffset.UTC));
        // The published title and body are plain text, so the record says so even when HTML was posted.
        return new Result(new Article(id, title, body, url, source, publishedAt, language, "text", received), List.of());
    }

    /** A field's string value, or null when absent, null or not a string (the last is reported separately). */
    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static String requiredText(JsonNode json, String field, int max, boolean html, List<FieldError> errors) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!v.isTextual()) {
            return null;
        }
        String normalised = html ? TextNormalizer.htmlToText(v.textValue()) : TextNormalizer.normalize(v.textValue());
        if (normalised.isBlank()) {
            errors.add(new FieldError(field, html ? "has no text once the HTML is converted" : "must not be blank"));
            return null;
        }
        int length = normalised.codePointCount(0, normalised.length());
        if (length > max) {
            errors.add(new FieldError(field, "must be at most " + String.format(Locale.ROOT, "%,d", max)
                    + " characters after normalisation, was " + String.format(Locale.ROOT, "%,d", length)));
            return null;
        }
        return normalised;
    }

    private static String url(String url, List<FieldError> errors) {
        if (url == null) {
            return null;
        }
        if (url.isBlank()) {
            errors.add(new FieldError("url", "must not be blank; leave it out when there is none"));
            return null;
        }
        if (url.length() > MAX_URL) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL + " characters"));
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
                errors.add(new FieldError("url", "must be an absolute http or https URL"));
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                errors.add(new FieldError("url", "must name a host"));
                return null;
            }
            return url.strip();
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL: " + e.getReason()));
            return null;
        }
    }

    private static String source(String source, List<FieldError> errors) {
        if (source == null) {
            return null;
        }
        String normalised = TextNormalizer.normalize(source).strip();
        if (normalised.isEmpty()) {
            return null;
        }
        if (normalised.codePointCount(0, normalised.length()) > MAX_SOURCE) {
            errors.add(new FieldError("source", "must be at most " + MAX_SOURCE + " characters"));
            return null;
        }
        return normalised;
    }

    /**
     * Accepts an ISO-8601 date, local date-time (read as UTC) or date-time with offset; answers the
     * date-time with offset, defaulting to the time received.
     */
    static String publishedAt(String value, Instant receivedAt, List<FieldError> errors) {
        if (value == null) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(receivedAt.atOffset(ZoneOffset.UTC));
        }
        OffsetDateTime parsed = parseIsoDate(value.strip());
        if (parsed == null) {
            errors.add(new FieldError("publishedAt", "must be an ISO-8601 date or date-time such as 2025-07-01, "
                    + "2025-07-01T14:30:00 or 2025-07-01T14:30:00+02:00, not \"" + shorten(value) + "\""));
            return null;
        }
        if (parsed.toInstant().isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError("publishedAt", "lies more than one day after the time received ("
                    + receivedAt + ")"));
            return null;
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(parsed);
    }

    /** An ISO-8601 date or date-time; a missing offset is read as UTC. Null when it is neither. */
    public static OffsetDateTime parseIsoDate(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String language(String tag, List<FieldError> errors) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip();
        try {
            if (t.isEmpty() || t.length() > 35) {
                throw new IllformedLocaleException("length");
            }
            Locale locale = new Locale.Builder().setLanguageTag(t).build();
            // Well-formed BCP-47 also allows primary subtags no standard assigns ("zz", "english"): a mistake.
            if (!ISO_639.contains(locale.getLanguage())) {
                errors.add(new FieldError("language", "must start with an ISO 639 language code such as en, uk or"
                        + " pt-BR, not \"" + shorten(tag) + "\" (\"" + shorten(locale.getLanguage()) + "\" is no language)"));
                return null;
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            errors.add(new FieldError("language", "must be a BCP-47 language tag such as en, uk or pt-BR, not \""
                    + shorten(tag) + "\""));
            return null;
        }
    }

    private static Set<String> iso639() {
        Set<String> codes = new HashSet<>();
        for (String two : Locale.getISOLanguages()) {
            codes.add(two);
            codes.add(new Locale.Builder().setLanguage(two).build().getISO3Language());
        }
        return Set.copyOf(codes);
    }

    private static String id(String id, List<FieldError> errors) {
        if (id == null) {
            return null;
        }
        if (id.isEmpty() || id.length() > MAX_ID || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 1–" + MAX_ID
                    + " characters of letters, digits, '.', '_', ':' and '-', starting with a letter or digit"));
            return null;
        }
        return id;
    }

    /** A value quoted back in a message, cut so a huge value does not make a huge answer. */
    private static String shorten(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
    }
}
