package io.newsline.ingest.feeds;

/**
 * One RSS item or Atom entry as the feed gives it: {@code title} and {@code content} may hold HTML,
 * {@code published} is the feed's own date text (RFC 822 for RSS, ISO-8601 for Atom). Any field may be null.
 */
public record FeedItem(String guid, String link, String title, String content, String published) {}
