package io.newsline.timeline.api;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.EventType;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.newsline.timeline.testing.SseClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live stream under abuse, on the real broker: thousands of connections opened and dropped
 * abruptly, and a client that stops reading its socket. What an operator checks afterwards: the
 * service is ready, no subscriber is left behind (the gauge and the feed's listeners are back where
 * they were), threads and heap did not grow with the connections, and an ordinary reader got every
 * record. Each test writes what it tried to {@code target/reliability/<test>.json}.
 */
@QuarkusTest
@TestProfile(StreamAbuseTest.SmallStreamBuffer.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class StreamAbuseTest {

    /**
     * A buffer of 100 messages, so a reader that stops overflows after a hundred records, not a thousand.
     * The churn test publishes fewer than that, so its ordinary reader cannot overflow however busy the
     * server is.
     */
    public static class SmallStreamBuffer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.stream.buffer", Integer.toString(BUFFER));
        }
    }

    private static final int BUFFER = 100;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern GAUGE = Pattern.compile("(?m)^newsline_timeline_stream_subscribers(?:\\{[^}]*})? ([0-9.E]+)$");
    private static final Pattern OVERFLOWS = Pattern.compile("(?m)^newsline_timeline_stream_overflows_total(?:\\{[^}]*})? ([0-9.E]+)$");

    @Inject
    TimelineView view;

    @Test
    void thousandsOfStreamsOpenedAndDroppedLeaveNoSubscriberBehindAndAReaderStillGetsEveryRecord() throws Exception {
        // Given the service at rest and one ordinary reader from the feed's current sequence
        Baseline before = Baseline.take(view);
        long start = sequence();
        Town town = Town.fresh();
        Map<String, Object> counts = new LinkedHashMap<>();
        try (SseClient reader = SseClient.open(stream("since=" + start))) {
            await().atMost(WAIT).until(() -> reader.status() == 200 && gauge() == before.gauge + 1);

            // When a thousand streams are held open at once (one in ten replaying the whole timeline) ...
            AtomicInteger published = new AtomicInteger();
            publish(town, 20, 0, published);
            List<Socket> held = new ArrayList<>();
            int heldTried = 1000;
            int heldAnswered = 0;
            for (int i = 0; i < heldTried; i++) {
                Socket s = connect(i % 10 == 0 ? "since=0" : "");
                held.add(s);
            }
            for (Socket s : held) {
                heldAnswered += readsStatus200(s) ? 1 : 0;
            }
            int heldNow = gauge();
            publish(town, 20, 20, published);
            // ... and dropped all at once with a reset, as when a proxy or a phone's network goes away
            for (Socket s : held) {
                abort(s);
            }

            // And thousands more are opened and dropped at every stage of a request, while articles flow
            int churnTried = 2000;
            AtomicInteger[] droppedAt = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(),
                    new AtomicInteger(), new AtomicInteger()};
            AtomicInteger churnFailed = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < churnTried; i++) {
                int stage = i % droppedAt.length;
                work.add(clients.submit(() -> {
                    try {
                        dropAt(stage);
                        droppedAt[stage].incrementAndGet();
                    } catch (IOException e) {
                        churnFailed.incrementAndGet();
                    }
                }));
            }
            publish(town, 40, 40, published);
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();

            // Then the service is ready, every dropped stream is gone, and the reader got every record once, in order
            given().when().get("/q/health/ready").then().statusCode(200);
            await().atMost(WAIT).until(() -> gauge() == before.gauge + 1 && view.subscribers() == before.listeners + 1);
            long end = sequence();
            awaitLastId(reader, end);
            assertTrue(reader.events().stream().noneMatch(m -> "overflow".equals(m.event())), "the reader never overflowed");
            List<Long> ids = ids(reader);
            assertEquals(Broker.timelineSequences(start, end), ids,
                    "the reader's messages are the feed's records " + (start + 1) + ".." + end);
            long carried = reader.events().stream().filter(m -> m.data().contains(town.name())).count();
            assertTrue(carried >= published.get(), carried + " messages about the test town for " + published + " articles");

            counts.put("connectionsHeldThenReset", heldTried);
            counts.put("heldAnswered200", heldAnswered);
            counts.put("subscribersWhileHeld", heldNow);
            counts.put("connectionsChurned", churnTried);
            counts.put("droppedBeforeRequest", droppedAt[0].get());
            counts.put("droppedMidRequest", droppedAt[1].get());
            counts.put("droppedBeforeReading", droppedAt[2].get());
            counts.put("droppedAfterHeaders", droppedAt[3].get());
            counts.put("droppedMidReplay", droppedAt[4].get());
            counts.put("churnClientErrors", churnFailed.get());
            counts.put("articlesPublished", published.get());
            counts.put("recordsDeliveredToReader", ids.size());
            counts.put("recordsExpected", end - start);
            assertEquals(heldTried, heldAnswered, "every held stream was answered");
            assertTrue(heldNow >= before.gauge + 1 + heldTried, "the gauge counted the held streams: " + heldNow);
        }
        // And once the reader leaves too, nothing is left: no subscriber, no listener, no threads or heap kept
        await().atMost(WAIT).until(() -> gauge() == before.gauge && view.subscribers() == before.listeners);
        Baseline after = Baseline.take(view);
        counts.put("before", before.json());
        counts.put("after", after.json());
        report("thousandsOfStreamsOpenedAndDropped", counts);
        assertEquals(before.gauge, after.gauge);
        assertTrue(after.threads - before.threads < 100, "threads " + before.threads + " -> " + after.threads);
        assertTrue(after.heapMb - before.heapMb < 100, "heap " + before.heapMb + " MB -> " + after.heapMb + " MB");
    }

    @Test
    void aReaderThatStopsReadingIsToldWhereToResumeAndHoldsUpNeitherTheFeedNorOtherReaders() throws Exception {
        // Given an ordinary reader and one that reads the response headers and then nothing more
        Baseline before = Baseline.take(view);
        long start = sequence();
        double overflowsBefore = metric(OVERFLOWS);
        Town town = Town.fresh();
        Map<String, Object> counts = new LinkedHashMap<>();
        try (SseClient reader = SseClient.open(stream("since=" + start));
                Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("localhost", RestAssured.port), 5000);
            // Connection: close, so that the server closes the socket once it ends the stream
            stalled.getOutputStream().write(request("since=" + start, "Connection: close\r\n"));
            assertTrue(readsStatus200(stalled));
            await().atMost(WAIT).until(() -> reader.status() == 200 && gauge() == before.gauge + 2);

            // When the feed goes on: large events, until the stalled reader's socket and buffer are full
            AtomicInteger published = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (metric(OVERFLOWS) == overflowsBefore && published.get() < 2000 && System.nanoTime() < deadline) {
                publish(town, 25, published.get(), published, 32 * 1024);
                long target = sequence();
                await().atMost(WAIT).until(() -> view.lastSequence() >= target);
            }

            // Then the stalled reader was let go (counted as an overflow) and its subscription freed
            assertTrue(metric(OVERFLOWS) > overflowsBefore, "no overflow after " + published + " large articles");
            await().atMost(WAIT).until(() -> gauge() == before.gauge + 1 && view.subscribers() == before.listeners + 1);
            // And the ordinary reader got every record, in order, while the other was stuck
            long end = sequence();
            awaitLastId(reader, end);
            assertTrue(reader.events().stream().noneMatch(m -> "overflow".equals(m.event())), "the reader never overflowed");
            List<Long> ids = ids(reader);
            assertEquals(Broker.timelineSequences(start, end), ids);

            // And when the stalled reader reads again, it finds every record up to where it fell behind, then the
            // end of its stream: with an overflow message naming that record when it took one more message,
            // without when it had not read for a whole heartbeat
            stalled.setSoTimeout(30_000);
            String rest = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<Long> got = new ArrayList<>();
            Matcher id = Pattern.compile("(?m)^id:\\s*(\\d+)$").matcher(rest);
            while (id.find()) {
                got.add(Long.parseLong(id.group(1)));
            }
            long resumeFrom = got.isEmpty() ? start : got.get(got.size() - 1);
            assertEquals(Broker.timelineSequences(start, resumeFrom), got,
                    "the stalled reader got every record up to where it fell behind, in order");
            assertTrue(resumeFrom < end, "the stalled reader fell behind: " + resumeFrom + " < " + end);
            Matcher overflow = Pattern.compile("event:\\s*overflow\\ndata:\\s*(\\{.*})").matcher(rest);
            boolean told = overflow.find();
            if (told) {
                assertEquals(resumeFrom, Json.mapper().readTree(overflow.group(1)).get("resumeFrom").asLong());
            }
            assertTrue(rest.endsWith("0\r\n\r\n"), "the stalled reader's stream was ended, not cut");

            // And resuming from there continues with the next record: the next committed sequence, which need not be
            // resumeFrom + 1, since the feed's transaction markers take offsets of their own
            try (SseClient resumed = SseClient.open(stream(""), Map.of("Last-Event-ID", Long.toString(resumeFrom)))) {
                awaitLastId(resumed, end);
                assertEquals(Broker.timelineSequences(resumeFrom, end).get(0), Long.parseLong(resumed.events().get(0).id()),
                        "the resumed stream starts with the first record after " + resumeFrom);
            }
            counts.put("articlesPublished", published.get());
            counts.put("articleKb", 32);
            counts.put("streamBuffer", BUFFER);
            counts.put("recordsInFeed", end - start);
            counts.put("recordsDeliveredToReader", ids.size());
            counts.put("recordsReachingStalledReader", got.size());
            counts.put("stalledReaderResumeFrom", resumeFrom);
            counts.put("stalledReaderToldOverflow", told);
            counts.put("overflows", metric(OVERFLOWS) - overflowsBefore);
        }
        await().atMost(WAIT).until(() -> gauge() == before.gauge && view.subscribers() == before.listeners);
        Baseline after = Baseline.take(view);
        counts.put("before", before.json());
        counts.put("after", after.json());
        report("aReaderThatStopsReading", counts);
        assertTrue(after.heapMb - before.heapMb < 100, "heap " + before.heapMb + " MB -> " + after.heapMb + " MB");
    }

    /** What an operator watches: the subscriber gauge, the feed's listeners, live threads, heap after a GC. */
    private record Baseline(int gauge, int listeners, int threads, long heapMb) {
        static Baseline take(TimelineView view) throws Exception {
            System.gc();
            Thread.sleep(200);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
            return new Baseline(StreamAbuseTest.gauge(), view.subscribers(), ManagementFactory.getThreadMXBean().getThreadCount(), heap);
        }

        Map<String, Object> json() {
            return Map.of("subscribersGauge", gauge, "feedListeners", listeners, "threads", threads, "heapMb", heapMb);
        }
    }

    /** Opens a stream and drops it at one stage: 0 before the request, 1 mid-request, 2 unread, 3 after headers, 4 mid-replay. */
    private static void dropAt(int stage) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress("localhost", RestAssured.port), 5000);
            s.setSoTimeout(10_000);
            byte[] request = request(stage == 4 ? "since=0" : "");
            if (stage == 1) {
                s.getOutputStream().write(request, 0, request.length / 2);
            } else if (stage >= 2) {
                s.getOutputStream().write(request);
            }
            if (stage >= 3) {
                readsStatus200(s);
            }
            if (stage == 4) {
                s.getInputStream().read(new byte[ThreadLocalRandom.current().nextInt(1, 4096)]);
            }
        } finally {
            abort(s);
        }
    }

    private static Socket connect(String query) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("localhost", RestAssured.port), 5000);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(request(query));
        return s;
    }

    private static byte[] request(String query) {
        return request(query, "");
    }

    private static byte[] request(String query, String moreHeaders) {
        return ("GET /api/timeline/stream" + (query.isEmpty() ? "" : "?" + query) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\n" + moreHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the response head (and nothing after it); true for a 200. */
    private static boolean readsStatus200(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString().startsWith("HTTP/1.1 200");
    }

    /** Closes with a TCP reset instead of an orderly close: the server learns of it only from its socket. */
    private static void abort(Socket s) {
        try {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0);
                s.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }

    private static void publish(Town town, int n, int from, AtomicInteger published) {
        publish(town, n, from, published, 0);
    }

    /** Publishes n articles, each its own event (a day apart) in the test's town; evidence padded to about padBytes. */
    private static void publish(Town town, int n, int from, AtomicInteger published, int padBytes) {
        String padding = padBytes == 0 ? "" : " " + "Rescuers searched the rubble. ".repeat(padBytes / 30);
        for (int i = from; i < from + n; i++) {
            String date = java.time.LocalDate.of(2020, 1, 1).plusDays(i).toString();
            Broker.publish(article("abuse", date + "T12:00:00Z", List.of(town.place()),
                    event(EventType.SHELLING, date, town.location(), 1, 2, "Shelling hit " + town.name() + "." + padding)));
            published.incrementAndGet();
        }
    }

    private static URI stream(String query) {
        return URI.create("http://localhost:" + RestAssured.port + "/api/timeline/stream" + (query.isEmpty() ? "" : "?" + query));
    }

    private static long sequence() {
        return given().when().get("/api/timeline?limit=1").then().statusCode(200).extract().jsonPath().getLong("sequence");
    }

    private static void awaitLastId(SseClient client, long end) {
        await().atMost(WAIT).untilAsserted(() -> {
            List<SseClient.Message> events = client.events();
            assertEquals(end, lastId(client), "last message of " + events.size() + ": "
                    + (events.isEmpty() ? "none" : events.get(events.size() - 1).event()));
        });
    }

    private static long lastId(SseClient client) {
        List<Long> ids = ids(client);
        return ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
    }

    /** The ids of the messages that carry one (an overflow message does not). */
    private static List<Long> ids(SseClient client) {
        return client.events().stream().filter(m -> m.id() != null).map(m -> Long.parseLong(m.id())).toList();
    }

    private static int gauge() {
        return (int) metric(GAUGE);
    }

    private static double metric(Pattern line) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = line.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void report(String test, Map<String, Object> counts) throws IOException {
        Path dir = Path.of("target", "reliability");
        Files.createDirectories(dir);
        Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(test + ".json").toFile(), counts);
    }
}
