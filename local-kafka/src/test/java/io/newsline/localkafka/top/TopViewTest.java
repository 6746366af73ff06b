package io.newsline.localkafka.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.localkafka.top.BrokerSnapshot.GroupOffsets;
import io.newsline.localkafka.top.BrokerSnapshot.TopicOffsets;
import io.newsline.localkafka.top.ServiceSnapshot.Readiness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The screen from two hand-made rounds two seconds apart. */
class TopViewTest {

    private static final long TWO_SECONDS = 2_000_000_000L;

    @Test
    void ratesComeFromTheDifferenceOfOffsetsAndLagFromEndMinusCommitted() {
        // Given raw gaining 60 records in 2 s while the group commits 30 of them
        Snapshot before = round(0, offsets(100, 100, 100), committed(90, 90, 90), 0, List.of());
        Snapshot after = round(TWO_SECONDS, offsets(120, 120, 120), committed(100, 100, 100), 0, List.of());

        // When the screen is drawn
        List<String> screen = new TopView("localhost:9092").render(before, after);

        // Then the topic takes 30 records/s in and gives 15 out, and the group lags 20 on each partition
        assertEquals(List.of("news.articles.raw", "3", "360", "30.0", "15.0"), cells(screen, "news.articles.raw"));
        assertEquals(List.of("nlp-service", "Stable", "1", "news.articles.raw", "60", "20", "20", "20", "15.0", "growing"),
                cells(screen, "nlp-service"));
    }

    @Test
    void aBacklogThatShrinksShowsWhenItWillBeGone() {
        // 300 behind, 10/s in, 40/s out: 30/s net, 10 s
        assertEquals("10 s", TopView.drain(300, 10.0, 40.0));
        assertEquals("1 min 40 s", TopView.drain(3000, 10.0, 40.0));
        assertEquals("stalled", TopView.drain(5, 0.0, 0.0));
        assertEquals("growing", TopView.drain(500, 40.0, 30.0));
        assertEquals("-", TopView.drain(0, 40.0, 40.0));
        // 60 records behind a group taking 40/s: what it has read since its last commits, not a backlog
        assertEquals("keeping-up", TopView.drain(60, 40.0, 40.0));
        assertEquals("keeping-up", TopView.drain(60, 10.0, 40.0));
        assertEquals("growing", TopView.drain(100, 40.0, 40.0));
    }

    @Test
    void aGroupThatNeverCommittedAPartitionLagsFromItsEarliestRecord() {
        TopicOffsets raw = new TopicOffsets("news.articles.raw", Map.of(0, 5L, 1, 0L), Map.of(0, 12L, 1, 4L));
        GroupOffsets g = new GroupOffsets("g", "Stable", 1, Map.of("news.articles.raw", Map.of(1, 1L)));
        assertEquals(Map.of(0, 7L, 1, 3L), TopView.lags(g, raw));
    }

    @Test
    void deadLettersAreCountedWithTheNewOnes() {
        Snapshot before = round(0, offsets(1, 1, 1), committed(1, 1, 1), 2, List.of());
        Snapshot after = round(TWO_SECONDS, offsets(1, 1, 1), committed(1, 1, 1), 5, List.of());
        List<String> screen = new TopView("b").render(before, after);
        assertTrue(screen.contains("DEAD LETTERS  5 in news.articles.dlq, 3 new"), String.join("\n", screen));
    }

    @Test
    void servicesShowReadinessArticleRatesAndStageQuantiles() {
        // Given nlp enriching 20 articles in 2 s, ingest not ready, timeline unreachable
        Snapshot before = round(0, offsets(1, 1, 1), committed(1, 1, 1), 0, List.of(
                nlp(10), service("ingest", Readiness.NOT_READY, "down: kafka"),
                service("timeline", Readiness.UNREACHABLE, "no answer")));
        Snapshot after = round(TWO_SECONDS, offsets(1, 1, 1), committed(1, 1, 1), 0, List.of(
                nlp(30), service("ingest", Readiness.NOT_READY, "down: kafka"),
                service("timeline", Readiness.UNREACHABLE, "no answer")));

        List<String> screen = new TopView("b").render(before, after);

        assertEquals(List.of("nlp", "ready", "10.0", "enrich", "enriched", "10.0", "12", "ms", "95", "ms"),
                cells(screen, "nlp "));
        assertTrue(line(screen, "ingest ").contains("NOT READY (down: kafka)"), String.join("\n", screen));
        assertTrue(line(screen, "timeline ").contains("UNREACHABLE"), String.join("\n", screen));
    }

    @Test
    void sseSubscribersComeFromTheTimelineService() {
        ServiceSnapshot timeline = new ServiceSnapshot("timeline", Readiness.READY, "", List.of(
                new MetricSample("newsline_timeline_stream_subscribers", Map.of(), 3),
                new MetricSample("newsline_timeline_stream_overflows_total", Map.of(), 1)));
        Snapshot s = round(0, offsets(1, 1, 1), committed(1, 1, 1), 0, List.of(timeline));
        List<String> screen = new TopView("b").render(s, s);
        assertTrue(screen.contains("SSE  3 subscriber(s), 1 overflow(s) since the service started"), String.join("\n", screen));
        assertEquals("-", cells(screen, "news.articles.raw").get(3), "one round gives no rates");
    }

    private static ServiceSnapshot nlp(double count) {
        return new ServiceSnapshot("nlp", Readiness.READY, "", List.of(
                new MetricSample("newsline_nlp_enrich_seconds_count", Map.of("outcome", "enriched"), count),
                new MetricSample("newsline_nlp_enrich_seconds", Map.of("outcome", "enriched", "quantile", "0.5"), 0.012),
                new MetricSample("newsline_nlp_enrich_seconds", Map.of("outcome", "enriched", "quantile", "0.99"), 0.095),
                new MetricSample("newsline_nlp_enrich_seconds_count", Map.of("outcome", "dead-lettered"), 0)));
    }

    private static ServiceSnapshot service(String name, Readiness readiness, String detail) {
        return new ServiceSnapshot(name, readiness, detail, List.of());
    }

    private static Map<Integer, Long> offsets(long p0, long p1, long p2) {
        return Map.of(0, p0, 1, p1, 2, p2);
    }

    private static Map<Integer, Long> committed(long p0, long p1, long p2) {
        return offsets(p0, p1, p2);
    }

    private static Snapshot round(long nanos, Map<Integer, Long> rawEnd, Map<Integer, Long> committed, long deadLetters,
            List<ServiceSnapshot> services) {
        BrokerSnapshot broker = new BrokerSnapshot(List.of(
                new TopicOffsets("news.articles.raw", offsets(0, 0, 0), rawEnd),
                new TopicOffsets("news.articles.dlq", Map.of(0, 0L), Map.of(0, deadLetters))),
                List.of(new GroupOffsets("nlp-service", "Stable", 1, Map.of("news.articles.raw", committed))));
        return new Snapshot(nanos, Instant.parse("2025-01-01T00:00:00Z"), broker, null, services);
    }

    private static String line(List<String> screen, String start) {
        return screen.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + String.join("\n", screen)));
    }

    private static List<String> cells(List<String> screen, String start) {
        return List.of(line(screen, start).trim().split("\\s+"));
    }
}
