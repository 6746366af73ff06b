package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * One article's report of a timeline event, with the figures and details that article gives.
 * Built with {@link #of} and the {@code with…} steps.
 *
 * @param title       the article's headline, as written (in the article's language); null when it has none
 * @param language    the article's language as the NLP settled it (ISO 639-1: en, uk, ru, …); null when unknown
 * @param date        the date this article gives the happening (the event's own date may come from another source)
 * @param signature   the details this article gives that tell the happening apart (time, target, weapon,
 *                    district); null when it gives none
 * @param copyOf      when this article's text is a copy of another source's (the same wire story republished),
 *                    that source's article id: the earliest published of the copies. A copy is not an
 *                    independent report: it never makes the event corroborated on its own
 * @param why         why the merger put this article in this event, in words ("first report", "same place…")
 * @param fingerprint a compact sketch of the article's words (see docs/timeline.md, Copies), kept so copies are
 *                    recognised after a restart; not meant for reading
 * @param recalls     happenings the article recalls as background and tells apart from this one (type, date,
 *                    place, signature, sentence); a later report that matches one of them does not join this event
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventSource(
        String articleId,
        String source,
        String url,
        String publishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) String language,
        @JsonInclude(JsonInclude.Include.NON_NULL) String date,
        String evidence,
        Integer killed,
        Integer injured,
        Integer casualties,
        Attribution attribution,
        @JsonInclude(JsonInclude.Include.NON_NULL) EventSignature signature,
        @JsonInclude(JsonInclude.Include.NON_NULL) String copyOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) String why,
        @JsonInclude(JsonInclude.Include.NON_NULL) String fingerprint,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonSetter(nulls = Nulls.AS_EMPTY) List<Event> recalls) {

    /** A source that is the article {@code articleId} of {@code source} (outlet name), with its URL and publication time. */
    public static EventSource of(String articleId, String source, String url, String publishedAt) {
        return new EventSource(articleId, source, url, publishedAt, null, null, null, null, null, null, null, null, null, null, null,
                null, List.of());
    }

    /** The article's headline and language, shown beside its outlet. */
    public EventSource withArticle(String headline, String lang) {
        return new EventSource(articleId, source, url, publishedAt, headline, lang, date, evidence, killed, injured,
                casualties, attribution, signature, copyOf, why, fingerprint, recalls);
    }

    /** What the article says: the date it gives, its sentence, and who it attributes the report to. */
    public EventSource withReport(String value, String sentence, Attribution attributed) {
        return new EventSource(articleId, source, url, publishedAt, title, language, value, sentence, killed, injured, casualties,
                attributed, signature, copyOf, why, fingerprint, recalls);
    }

    public EventSource withFigures(Integer dead, Integer hurt, Integer total) {
        return new EventSource(articleId, source, url, publishedAt, title, language, date, evidence, dead, hurt, total, attribution,
                signature, copyOf, why, fingerprint, recalls);
    }

    public EventSource withSignature(EventSignature value) {
        return new EventSource(articleId, source, url, publishedAt, title, language, date, evidence, killed, injured, casualties,
                attribution, value == null || value.isEmpty() ? null : value, copyOf, why, fingerprint, recalls);
    }

    public EventSource withCopyOf(String value) {
        return new EventSource(articleId, source, url, publishedAt, title, language, date, evidence, killed, injured, casualties,
                attribution, signature, value, why, fingerprint, recalls);
    }

    public EventSource withWhy(String value) {
        return new EventSource(articleId, source, url, publishedAt, title, language, date, evidence, killed, injured, casualties,
                attribution, signature, copyOf, value, fingerprint, recalls);
    }

    public EventSource withFingerprint(String value) {
        return new EventSource(articleId, source, url, publishedAt, title, language, date, evidence, killed, injured, casualties,
                attribution, signature, copyOf, why, value, recalls);
    }

    /**
     * The happenings the article tells as background beside this report and says are others ("Earlier on the day,
     * the hypermarket was hit"): a later report of one of them is not this happening.
     */
    public EventSource withRecalls(List<Event> value) {
        return new EventSource(articleId, source, url, publishedAt, title, language, date, evidence, killed, injured, casualties,
                attribution, signature, copyOf, why, fingerprint, value == null ? List.of() : List.copyOf(value));
    }
}
