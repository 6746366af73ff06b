package io.newsline.ingest.feeds;

import java.util.List;

/** A feed document read: its title (the default source of its articles) and its items in document order. */
public record ParsedFeed(String title, List<FeedItem> items) {}
