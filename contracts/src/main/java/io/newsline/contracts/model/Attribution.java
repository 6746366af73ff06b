package io.newsline.contracts.model;

/** Who says an event happened ({@code null} when the article says it itself) and whether it is hedged. */
public record Attribution(String source, boolean hedged) {}
