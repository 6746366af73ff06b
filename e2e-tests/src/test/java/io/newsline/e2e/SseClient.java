package io.newsline.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A minimal Server-Sent Events reader over the JDK HTTP client that records every message it receives. */
final class SseClient implements AutoCloseable {

    /** One SSE message: its {@code id:}, {@code event:} and joined {@code data:} lines. */
    record Message(String id, String event, String data) {}

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final CompletableFuture<Void> ended;
    private volatile Stream<String> lines;

    SseClient(String url) {
        this(url, Map.of(), m -> { });
    }

    /**
     * Opens the stream with these extra request headers (e.g. {@code Last-Event-ID}); {@code onMessage}
     * hears each message as it arrives, on the reading thread.
     */
    SseClient(String url, Map<String, String> headers, Consumer<Message> onMessage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        ended = response.thenAcceptAsync(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the stream answered " + r.statusCode());
            }
            lines = r.body();
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        Message m = new Message(id, event == null ? "message" : event, data.toString());
                        messages.add(m);
                        onMessage.accept(m);
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        }, SseClient::readOnOwnThread);
    }

    /** Reading blocks until the stream ends, so each stream gets a thread of its own, not a shared pool's. */
    private static void readOnOwnThread(Runnable reading) {
        Thread t = new Thread(reading, "sse-client-reader");
        t.setDaemon(true);
        t.start();
    }

    /** The HTTP status the stream answered with, once it answered. */
    CompletableFuture<Integer> status() {
        return response.thenApply(HttpResponse::statusCode);
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    /**
     * Completes when the stream is over: normally when the server ended it, exceptionally when the
     * connection failed or broke (the server died) or the answer was not a 200.
     */
    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
    }
}
