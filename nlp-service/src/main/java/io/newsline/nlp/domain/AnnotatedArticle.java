package io.newsline.nlp.domain;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.Place;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the pipeline knows of an article before events are read from it: its sentences, every name
 * mention, the distinct entities, and the resolved places. The event extractor works on this.
 *
 * @param published the article's publication time, against which relative dates are resolved
 */
public record AnnotatedArticle(
        Article article,
        OffsetDateTime published,
        List<Sentence> sentences,
        List<NameMention> mentions,
        List<Entity> entities,
        List<Place> places) {}
