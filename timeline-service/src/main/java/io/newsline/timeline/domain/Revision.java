package io.newsline.timeline.domain;

import java.util.List;

/**
 * What one revision of an event changed, as {@code GET /api/events/{id}} shows it.
 *
 * @param changes readable lines such as {@code "killed: 5 → 7"} or {@code "source added: <article> (Reuters)"}
 */
public record Revision(int revision, long sequence, String at, List<String> changes) {}
