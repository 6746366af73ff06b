package io.newsline.nlp.domain;

/**
 * One sentence of an article. {@code start}/{@code end} are UTF-16 offsets into the normalised
 * {@code title} or {@code body} named by {@code field} (end exclusive); {@code index} counts sentences
 * across the document, title first.
 */
public record Sentence(int index, String field, int start, int end, String text) {}
