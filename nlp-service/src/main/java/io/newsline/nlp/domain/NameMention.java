package io.newsline.nlp.domain;

import io.newsline.contracts.model.EntityType;

/**
 * One occurrence of a name in the text as the recogniser (and its rule fixes) typed it.
 * Offsets as in {@link Sentence}; {@code sentence} is the index of the sentence it stands in.
 */
public record NameMention(String text, EntityType type, String field, int start, int end, int sentence) {}
