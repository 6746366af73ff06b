package io.newsline.timeline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A real Server-Sent Events client over the JDK's HTTP client: reads the stream as a browser would. */
public final class SseClient implements AutoCloseable {

    /** One message of the stream; a comment line comes as a message with only {@code comment} set. */
    public record Message(String id, String event, String data, String comment) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> raw = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile int status;

    private SseClient(URI uri, Map<String, String> headers) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        reader = new Thread(() -> read(client, request.build()), "test-sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(URI uri) {
        return new SseClient(uri, Map.of());
    }

    public static SseClient open(URI uri, Map<String, String> headers) {
        return new SseClient(uri, headers);
    }

    private void read(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            lines = response.body();
            String id = null;
            String event = null;
            StringBuilder data = null;
            for (String line : (Iterable<String>) lines::iterator) {
                raw.add(line);
                if (line.isEmpty()) {
                    if (data != null || event != null) {
                        messages.add(new Message(id, event, data == null ? null : data.toString(), null));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    messages.add(new Message(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // The stream ended or was closed by the test.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every message so far, comments included. */
    public List<Message> messages() {
        return new ArrayList<>(messages);
    }

    /** Every line of the stream so far, exactly as the server wrote it. */
    public List<String> lines() {
        return new ArrayList<>(raw);
    }

    /** The messages with an event name (created, updated, removed, overflow). */
    public List<Message> events() {
        return messages.stream().filter(m -> m.event() != null).toList();
    }

    public int status() {
        return status;
    }

    @Override
    public void close() {
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        reader.interrupt();
    }
}
