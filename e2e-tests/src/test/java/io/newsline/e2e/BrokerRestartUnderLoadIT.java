package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker stops for ten seconds while articles are posted at a steady rate, then starts again on
 * the same data: every article ingest acknowledged with 202 reaches the timeline exactly once; those
 * it could not store got 503 with Retry-After and are accepted when posted again; a subscriber that
 * stayed connected throughout got every change once. Figures go to target/reliability.
 */
class BrokerRestartUnderLoadIT {

    private static final String TEST = "BrokerRestartUnderLoadIT";
    private static final int RATE = 10;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration GENEROUS = Duration.ofMinutes(5);
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start("broker-restart");
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyAcknowledgedArticleReachesTheTimelineOnceAndRefusedOnesCanBePostedAgain() throws Exception {
        DeliveryAudit audit = new DeliveryAudit(TEST);
        long begin = System.nanoTime();
        try (ResumingSseClient stream = new ResumingSseClient(system.url(RunningSystem.TIMELINE)
                + "/api/timeline/stream?since=0");
                SteadyLoad load = new SteadyLoad(system.url(RunningSystem.INGEST), system.token, RATE)) {
            // Given articles flowing end to end at a steady rate
            load.start();
            await("articles flow to the stream").atMost(GENEROUS).pollInterval(Duration.ofSeconds(1))
                    .until(() -> DeliveryAudit.secondsUntilFlowing(stream, load.posted(), begin, begin) != null
                            && stream.received().size() >= 3 * RATE);

            // When the broker stops for ten seconds and starts again on the same data, the load going on
            long stoppingAt = System.nanoTime();
            system.broker.stop();
            long stoppedAt = System.nanoTime();
            Thread.sleep(OUTAGE.toMillis());
            long startingAt = System.nanoTime();
            system.broker.startAgain();
            long startedAt = System.nanoTime();
            await("articles posted after the restart flow to the stream").atMost(GENEROUS)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> DeliveryAudit.secondsUntilFlowing(stream, load.posted(), startedAt, startedAt) != null);
            Thread.sleep(3_000);
            load.stop();

            // And the articles that were not acknowledged are posted again
            int reposted = load.repostUnacknowledged(GENEROUS);

            // Then every acknowledged article is on the timeline once, and the subscriber has every change once
            system.awaitOnTimeline(load.posted(), GENEROUS);
            long end = system.awaitSettled(GENEROUS);
            await("the subscriber reached the end of the feed " + end).atMost(Duration.ofMinutes(1))
                    .until(() -> stream.lastEventId() != null && Long.parseLong(stream.lastEventId()) >= end);
            RunningSystem.Page page = system.timeline();
            List<SseClient.Message> fresh = system.freshReplay(page);

            audit.put("brokerStopSeconds", DeliveryAudit.seconds(stoppedAt - stoppingAt));
            audit.put("brokerDownSeconds", DeliveryAudit.seconds(startingAt - stoppedAt));
            audit.put("brokerStartSeconds", DeliveryAudit.seconds(startedAt - startingAt));
            audit.put("secondsFromBrokerBackToFirst202", load.posted().stream()
                    .filter(p -> p.acknowledgedNanos >= startedAt).mapToLong(p -> p.acknowledgedNanos - startedAt)
                    .min().stream().mapToObj(DeliveryAudit::seconds).findFirst().orElse(null));
            audit.put("recoverySeconds", DeliveryAudit.secondsUntilFlowing(stream, load.posted(), startedAt, startedAt));
            audit.load(load, reposted);
            audit.timeline(page, load.posted(), end);
            List<RunningSystem.TimelineRecord> records = system.timelineRecords(end);
            audit.stream(stream, records, fresh, page);
            audit.neverSeen(records, TimelineTopic.neverCommitted(system.broker.bootstrapServers()), page, List.of(stream));
            audit.put("testSeconds", DeliveryAudit.seconds(System.nanoTime() - begin));
            audit.write();

            assertEquals(List.of(), audit.problems());
            assertTrue(load.posted().stream().anyMatch(p -> p.refused),
                    "with the broker gone for " + OUTAGE + ", ingest refused some articles with 503");
            assertTrue(load.posted().stream().noneMatch(p -> p.unanswered),
                    "ingest stayed up, so it answered every post (202 or 503)");
            assertEquals(0, stream.resumes(), "timeline-service stayed up: the stream never had to resume");
        }
    }
}
