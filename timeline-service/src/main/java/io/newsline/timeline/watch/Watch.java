package io.newsline.timeline.watch;

/**
 * A saved filter whose every matching change of the timeline is posted to a webhook: the value of
 * {@code news.timeline.watches} (key: the name).
 *
 * @param createdAt     when it was saved (ISO-8601 instant)
 * @param startSequence the feed's sequence when it was saved: it delivers the changes after it
 */
public record Watch(String name, WatchFilter filter, Webhook webhook, String createdAt, long startSequence) {}
