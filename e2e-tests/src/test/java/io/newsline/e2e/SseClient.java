package io.newsline.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A minimal Server-Sent Events reader over the JDK HTTP client that records every message it receives. */
final class SseClient implements AutoCloseable {

    /** One SSE message: its {@code id:}, {@code event:} and joined {@code data:} lines. */
    record Message(String id, String event, String data) {}

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    SseClient(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        messages.add(new Message(id, event == null ? "message" : event, data.toString()));
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
        });
    }

    List<Message> messages() {
        return List.copyOf(messages);
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
