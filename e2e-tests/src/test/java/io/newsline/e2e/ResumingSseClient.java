package io.newsline.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber that behaves like a browser's EventSource: when the stream breaks (the server died or
 * restarted) it reconnects, again and again until the server is back, sending {@code Last-Event-ID}
 * with the id of the last message it received. Keeps every message of every connection, in arrival
 * order, with the time it arrived.
 */
final class ResumingSseClient implements AutoCloseable {

    /** One message and when it arrived ({@link System#nanoTime()}). */
    record Received(SseClient.Message message, long atNanos) {}

    private static final long RETRY_MILLIS = 500;

    private final String url;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile SseClient current;
    private volatile String lastEventId;
    private volatile boolean closed;
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();

    /** Subscribes to {@code url} (which may carry {@code ?since=}) and keeps resuming it. */
    ResumingSseClient(String url) {
        this.url = url;
        this.thread = new Thread(this::run, "resuming-sse-client");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            String resumeFrom = lastEventId;
            Map<String, String> headers = resumeFrom == null ? Map.of() : Map.of("Last-Event-ID", resumeFrom);
            SseClient client = new SseClient(url, headers, m -> {
                received.add(new Received(m, System.nanoTime()));
                if (m.id() != null) {
                    lastEventId = m.id();
                }
            });
            current = client;
            client.status().thenAccept(status -> {
                if (status == 200 && resumeFrom != null) {
                    resumes.incrementAndGet();
                }
            });
            try {
                client.ended().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // The connection broke or was refused: try again, as EventSource does.
            }
            client.close();
            if (!client.status().isDone() || client.status().isCompletedExceptionally()) {
                failedAttempts.incrementAndGet();
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The id of the last message received, null before the first. */
    String lastEventId() {
        return lastEventId;
    }

    /** How many streams the server accepted with {@code Last-Event-ID}: the resumes after a break. */
    int resumes() {
        return resumes.get();
    }

    /** Connection attempts the server did not answer (down or not listening yet). */
    int failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() {
        closed = true;
        SseClient c = current;
        if (c != null) {
            c.close();
        }
        thread.interrupt();
    }
}
