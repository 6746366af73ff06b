package io.newsline.ingest.intake;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ids of every article ingest has published, so a re-post answers {@code duplicate: true} and is
 * not published again. Filled from {@code news.ingest.seen} at start; {@link #loaded()} gates readiness.
 */
public final class SeenIds {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final CountDownLatch loaded = new CountDownLatch(1);

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
        return loaded.getCount() == 0;
    }

    /** Waits up to {@code timeout} for the load to finish; true when loaded. */
    public boolean awaitLoaded(Duration timeout) {
        try {
            return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void markLoaded() {
        loaded.countDown();
    }
}
