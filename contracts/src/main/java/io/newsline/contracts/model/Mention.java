package io.newsline.contracts.model;

/**
 * Where a name stands in the article: {@code field} is {@code title} or {@code body}; offsets are
 * UTF-16 indices into the normalised text, end exclusive (what Java and JavaScript substring take).
 */
public record Mention(String field, int start, int end) {
    public static final String TITLE = "title";
    public static final String BODY = "body";
}
