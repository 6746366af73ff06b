package io.newsline.ingest.feeds;

import java.time.Duration;

/**
 * A feed to poll: its operator-chosen name, URL, poll interval and the {@code source} its articles get
 * (null: the feed's own title). {@code origin} says whether configuration or the API defined it.
 */
public record FeedDefinition(String name, String url, Duration interval, String source, Origin origin) {

    public enum Origin { CONFIG, API }
}
