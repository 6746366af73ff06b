package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An article with what the NLP found in it; travels on {@code news.articles.enriched}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrichedArticle(
        String id,
        String title,
        String body,
        String url,
        String source,
        String publishedAt,
        String language,
        String format,
        String receivedAt,
        List<Entity> entities,
        List<Place> locations,
        List<Event> events,
        NlpInfo nlp) {

    public static EnrichedArticle of(
            Article a, String language, List<Entity> entities, List<Place> locations, List<Event> events, NlpInfo nlp) {
        return new EnrichedArticle(a.id(), a.title(), a.body(), a.url(), a.source(), a.publishedAt(), language,
                a.format(), a.receivedAt(), entities, locations, events, nlp);
    }
}
