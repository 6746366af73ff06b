package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A news article as a feed operator posts it, and as it travels on {@code news.articles.raw}.
 * Ingest fills {@code id}, {@code publishedAt} and {@code receivedAt} before publishing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(
        String id,
        String title,
        String body,
        String url,
        String source,
        String publishedAt,
        String language,
        String format,
        String receivedAt) {

    public Article withId(String newId) {
        return new Article(newId, title, body, url, source, publishedAt, language, format, receivedAt);
    }
}
