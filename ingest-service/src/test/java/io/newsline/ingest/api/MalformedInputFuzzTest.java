package io.newsline.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.localkafka.ReliabilityFigures;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Posts 10,000 seeded-random malformed requests (broken JSON, deep nesting, huge strings, invalid UTF-8,
 * wrong media types, missing and forged tokens, header floods, invalid fields) and checks that every one is refused with a
 * 4xx, that the service stays up and that nothing reached Kafka.
 */
@QuarkusTest
@Order(4)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class MalformedInputFuzzTest {

    private static final int REQUESTS = 10_000;
    private static final long SEED = 20_250_607L;

    @TestHTTPResource("/")
    URI base;

    /** One malformed request: where it goes, its headers and body, and what kind of damage it carries. */
    record Case(String kind, String path, Map<String, String> headers, byte[] body) {}

    @Test
    void everyMalformedRequestIsRefusedWithA4xxAndNothingReachesKafka() throws Exception {
        long rawBefore = KafkaTopics.endOffsets(Topics.ARTICLES_RAW);
        long seenBefore = KafkaTopics.endOffsets(Topics.INGEST_SEEN);
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            cases.add(malformed(random));
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<String> notRefused = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> {
                    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(c.path()))
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
                    c.headers().forEach(b::header);
                    int status;
                    try {
                        status = c.kind().equals("header-flood") ? sendRaw(c)
                                : http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    byKind.computeIfAbsent(c.kind(), k -> new AtomicInteger()).incrementAndGet();
                    byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    if (status < 400 || status >= 500) {
                        notRefused.add(c.kind() + " → " + status);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int total = byKind.values().stream().mapToInt(AtomicInteger::get).sum();
        ReliabilityFigures.write("ingest-fuzz", Map.of("requests", total, "byKind", new TreeMap<>(byKind),
                "byStatus", new TreeMap<>(byStatus), "notRefused", notRefused.size(),
                "rawRecordsAdded", KafkaTopics.endOffsets(Topics.ARTICLES_RAW) - rawBefore,
                "seenRecordsAdded", KafkaTopics.endOffsets(Topics.INGEST_SEEN) - seenBefore));
        assertEquals(REQUESTS, total);
        assertTrue(notRefused.isEmpty(), "not refused with a 4xx: " + notRefused.subList(0, Math.min(20, notRefused.size()))
                + " by kind " + new TreeMap<>(byKind) + " by status " + new TreeMap<>(byStatus));
        assertTrue(byKind.size() >= 15, "every kind of damage was tried: " + new TreeMap<>(byKind));
        assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("/q/health/live")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the service is still up");
        assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "and still ready");
        assertEquals(rawBefore, KafkaTopics.endOffsets(Topics.ARTICLES_RAW), "nothing reached news.articles.raw");
        assertEquals(seenBefore, KafkaTopics.endOffsets(Topics.INGEST_SEEN), "nothing reached news.ingest.seen");
    }

    /**
     * Sends a request over a plain HTTP/1.1 socket, as a flooding client would: the JDK client offers
     * HTTP/2 and checks header sizes itself, so it would never put such a request on the wire.
     */
    private int sendRaw(Case c) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + c.path() + " HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Content-Length: ").append(c.body().length).append("\r\n");
            c.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(c.body());
                out.flush();
            } catch (IOException answeredEarly) {
                // The server may answer and stop reading before the whole request is written.
            }
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static final String[] GOOD_TOKENS = {"test-token", "second-test-token"};

    private static Case malformed(Random r) {
        String path = r.nextInt(4) == 0 ? "/api/articles/batch" : "/api/articles";
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Content-Type", path.endsWith("batch") && r.nextBoolean() ? "application/x-ndjson" : "application/json");
        headers.put("Authorization", "Bearer " + GOOD_TOKENS[r.nextInt(2)]);
        int kind = r.nextInt(15);
        String valid = "{\"title\": \"" + word(r) + "\", \"body\": \"" + word(r) + "\"}";
        byte[] body;
        String name;
        switch (kind) {
            case 0 -> {
                name = "truncated-json";
                body = utf8(valid.substring(0, 1 + r.nextInt(valid.length() - 2)));
            }
            case 1 -> {
                name = "random-bytes";
                body = new byte[1 + r.nextInt(200)];
                r.nextBytes(body);
                body[0] = (byte) ('a' + r.nextInt(26)); // never accidentally a valid JSON value
            }
            case 2 -> {
                name = "deep-nesting";
                int depth = 40 + r.nextInt(5_000);
                body = utf8("[".repeat(depth) + "]".repeat(depth));
            }
            case 3 -> {
                name = "huge-string";
                body = utf8("{\"title\": \"t\", \"body\": \"" + "x".repeat(70_000 + r.nextInt(50_000)) + "\"}");
            }
            case 4 -> {
                name = "invalid-utf8";
                byte[] v = utf8(valid);
                int at = 12 + r.nextInt(4);
                v[at] = (byte) (0x80 | r.nextInt(0x40)); // a lone continuation byte inside the title
                body = v;
                headers.put("Content-Type", path.endsWith("batch") ? "application/x-ndjson" : "application/json");
            }
            case 5 -> {
                name = "wrong-content-type";
                String[] types = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded", "application/json; charset=latin1", "image/png", ""};
                String t = types[r.nextInt(types.length)];
                if (t.isEmpty()) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", t);
                }
                body = utf8(valid.replace("\"body\"", "\"body" + r.nextInt(9) + "\"")); // also invalid if it got through
            }
            case 6 -> {
                name = "missing-token";
                headers.remove("Authorization");
                body = utf8(valid);
            }
            case 7 -> {
                name = "forged-token";
                String[] forged = {"Bearer test-toke", "Bearer test-token2", "Bearer TEST-TOKEN", "Basic dGVzdA==",
                        "Bearer", "bearer x" + r.nextInt(), "Bearer " + "t".repeat(r.nextInt(300)), "test-token"};
                headers.put("Authorization", forged[r.nextInt(forged.length)]);
                body = utf8(valid);
            }
            case 8 -> {
                name = "wrong-field-types";
                String[] bad = {"{\"title\": 1, \"body\": \"b\"}", "{\"title\": [\"a\"], \"body\": {}}",
                        "{\"title\": \"t\", \"body\": true}", "{\"title\": null, \"body\": null}", "{}", "[]", "null", "\"str\"", "42"};
                body = utf8(bad[r.nextInt(bad.length)]);
            }
            case 9 -> {
                name = "invalid-fields";
                String[] fields = {"\"url\": \"javascript:alert(1)\"", "\"url\": \"/relative\"", "\"publishedAt\": \"yesterday\"",
                        "\"publishedAt\": \"2999-12-31T00:00:00Z\"", "\"language\": \"english!\"", "\"format\": \"markdown\"",
                        "\"id\": \"has space\"", "\"title\": \"   \"", "\"body\": \"\\u0000\\u0001\""};
                body = utf8(valid.substring(0, valid.length() - 1) + ", " + fields[r.nextInt(fields.length)] + "}");
            }
            case 10 -> {
                name = "trailing-garbage";
                body = utf8(valid + (r.nextBoolean() ? " {}" : "x"));
                if (path.endsWith("batch")) {
                    body = utf8(r.nextBoolean() ? "{\"not\": \"an array\"}" : "");
                    headers.put("Content-Type", "application/json");
                }
            }
            case 11 -> {
                name = "duplicate-keys";
                body = utf8("{\"title\": \"a\", \"title\": \"b\", \"body\": \"c\"}");
            }
            case 12 -> {
                name = "empty-body";
                body = new byte[0];
            }
            case 13 -> {
                name = "header-flood";
                // Hundreds of headers, or one header far beyond the server's 20 KB limit: 431, never a crash.
                if (r.nextBoolean()) {
                    for (int h = 0; h < 300 + r.nextInt(300); h++) {
                        headers.put("X-Flood-" + h, "v".repeat(100));
                    }
                } else {
                    headers.put("X-Flood", "v".repeat(30_000 + r.nextInt(40_000)));
                }
                body = utf8(valid);
            }
            default -> {
                name = "control-and-bom";
                // A NUL before the JSON, or a byte-order mark before an article without a body.
                body = r.nextBoolean() ? utf8("\u0000" + valid) : utf8("\uFEFF{\"title\": \"" + word(r) + "\"}");
            }
        }
        // A batch of only bad items is answered 200 with a problem per item: make batch cases ones that fail as a whole.
        if (path.endsWith("batch") && !List.of("missing-token", "forged-token", "wrong-content-type", "trailing-garbage",
                "huge-string", "header-flood").contains(name)) {
            path = "/api/articles";
            headers.put("Content-Type", "application/json");
        }
        if (name.equals("huge-string") && path.endsWith("batch")) {
            headers.put("Content-Type", "application/json");
            body = utf8("{\"huge\": \"" + "x".repeat(70_000) + "\"}");
        }
        return new Case(name, path, headers, body);
    }

    private static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
