package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crashes while articles are posted at a steady rate: SIGKILL nlp-service, then timeline-service, then
 * ingest-service, each restarted at once, and finally all three killed together with the broker
 * restarted. Every acknowledged article (and every one re-posted because it was refused or not answered
 * while ingest was down) is on the timeline exactly once, in date order; a subscriber that resumed with
 * {@code Last-Event-ID} whenever the stream broke got every change once and ends with what a fresh
 * subscriber gets. Figures go to target/reliability.
 */
class ServiceCrashUnderLoadIT {

    private static final String TEST = "ServiceCrashUnderLoadIT";
    private static final int RATE = 10;
    private static final Duration GENEROUS = Duration.ofMinutes(5);
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start("service-crash");
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyAcknowledgedArticleReachesTheTimelineOnceAcrossCrashesAndTheStreamResumesWithoutGapOrDuplicate()
            throws Exception {
        DeliveryAudit audit = new DeliveryAudit(TEST);
        List<Map<String, Object>> phases = new ArrayList<>();
        long begin = System.nanoTime();
        try (ResumingSseClient stream = new ResumingSseClient(system.url(RunningSystem.TIMELINE)
                + "/api/timeline/stream?since=0");
                SteadyLoad load = new SteadyLoad(system.url(RunningSystem.INGEST), system.token, RATE)) {
            // Given articles flowing end to end at a steady rate, followed by a subscriber
            load.start();
            awaitFlowing(stream, load, begin);

            // When each service in turn is killed mid-load and started again, then all of them with the broker
            phases.add(crash(stream, load, "kill -9 nlp-service", false, RunningSystem.NLP));
            phases.add(crash(stream, load, "kill -9 timeline-service", false, RunningSystem.TIMELINE));
            phases.add(crash(stream, load, "kill -9 ingest-service", false, RunningSystem.INGEST));
            phases.add(crash(stream, load, "kill -9 all three services and restart the broker", true,
                    RunningSystem.INGEST, RunningSystem.NLP, RunningSystem.TIMELINE));
            load.stop();

            // And the articles refused or not answered meanwhile are posted again
            int reposted = load.repostUnacknowledged(GENEROUS);

            // Then every acknowledged article is on the timeline once and the subscriber has every change once
            system.awaitOnTimeline(load.posted(), GENEROUS);
            long end = system.awaitSettled(GENEROUS);
            await("the subscriber reached the end of the feed " + end).atMost(Duration.ofMinutes(1))
                    .until(() -> stream.lastEventId() != null && Long.parseLong(stream.lastEventId()) >= end);
            RunningSystem.Page page = system.timeline();
            List<SseClient.Message> fresh = system.freshReplay(page);

            audit.put("phases", phases);
            audit.load(load, reposted);
            audit.timeline(page, load.posted(), end);
            List<RunningSystem.TimelineRecord> records = system.timelineRecords(end);
            audit.stream(stream, records, fresh, page);
            audit.neverSeen(records, TimelineTopic.neverCommitted(system.broker.bootstrapServers()), page, List.of(stream));
            // nlp-service publishes without transactions: what a re-enriched article does to the timeline
            audit.reEnriched(system.recordsPerKey(io.newsline.contracts.kafka.Topics.ARTICLES_ENRICHED), load.posted(),
                    records);
            audit.put("testSeconds", DeliveryAudit.seconds(System.nanoTime() - begin));
            audit.write();

            assertEquals(List.of(), audit.problems());
            assertTrue(stream.resumes() >= 2,
                    "the stream broke with each timeline-service kill and the subscriber resumed: " + stream.resumes());
            assertTrue(load.posted().stream().anyMatch(p -> p.unanswered || p.refused),
                    "while ingest was down some posts were not acknowledged (and were re-posted)");
        }
    }

    /**
     * Kills these services (SIGKILL), restarts the broker too when asked, starts them again at once and
     * waits until an article posted after they were ready comes out of the stream. Returns the phase's figures.
     */
    private static Map<String, Object> crash(ResumingSseClient stream, SteadyLoad load, String fault,
            boolean restartBroker, String... modules) throws Exception {
        long killedAt = System.nanoTime();
        for (String m : modules) {
            system.kill(m);
        }
        if (restartBroker) {
            system.broker.restart();
        }
        for (String m : modules) {
            system.startAgain(m);
        }
        system.awaitReady(modules);
        long readyAt = System.nanoTime();
        awaitFlowing(stream, load, readyAt);
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("fault", fault);
        phase.put("killedToReadySeconds", DeliveryAudit.seconds(readyAt - killedAt));
        phase.put("recoverySeconds", DeliveryAudit.secondsUntilFlowing(stream, load.posted(), readyAt, killedAt));
        System.out.println("reliability " + TEST + " phase: " + phase);
        return phase;
    }

    /** Waits until an article first posted after this moment and acknowledged has come out of the stream. */
    private static void awaitFlowing(ResumingSseClient stream, SteadyLoad load, long postedAfterNanos) {
        await("an article posted after the restart comes out of the stream").atMost(GENEROUS)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> DeliveryAudit.secondsUntilFlowing(stream, load.posted(), postedAfterNanos, postedAfterNanos)
                        != null);
    }
}
