package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One article's report of a timeline event, with the figures that article gives. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventSource(
        String articleId,
        String source,
        String url,
        String publishedAt,
        String evidence,
        Integer killed,
        Integer injured,
        Integer casualties,
        Attribution attribution) {}
