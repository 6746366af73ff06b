package io.newsline.ingest.intake;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of every article ingest has published, so a re-post answers {@code duplicate: true} and is
 * not published again. Filled from {@code news.ingest.seen} at start; {@link #loaded()} gates readiness.
 */
public final class SeenIds {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    public boolean contains(String id) {
        return ids.contains(id);
    }

    public void add(String id) {
        ids.add(id);
    }

    public int size() {
        return ids.size();
    }

    public boolean loaded() {
        return loaded;
    }

    public void markLoaded() {
        loaded = true;
    }
}
