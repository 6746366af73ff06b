package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaBrokerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The merger caught in the middle of an article, with real processes: the broker, ingest, nlp and two
 * timeline instances in one merger group, articles flowing at a steady rate. A test-only setting
 * ({@code timeline.merger.test-halt-mid-article}) makes a merger stop after writing the first timeline record
 * of the first article that causes several, so the fault lands exactly between two records of one article:
 * <ol>
 *   <li>the merger frozen (SIGSTOP) there past its session timeout while the standby takes over, then
 *       resumed (SIGCONT): it finds itself fenced, nothing it wrote or writes after the take-over is ever
 *       seen, it stands by behind its successor;</li>
 *   <li>a merger killed (SIGKILL) there: its successor folds the whole article.</li>
 * </ol>
 * Each time, every event of every acknowledged article is on the timeline exactly once, each revision is
 * on news.timeline once, and the subscribers of both instances got every change once and none of the
 * records that were never committed. Figures go to target/reliability.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MergerCrashIT {

    private static final String TOKEN = "e2e-" + Long.toHexString(System.nanoTime());
    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final int RATE = 5;
    private static final Duration HALT = Duration.ofSeconds(20);
    private static final Duration GENEROUS = Duration.ofMinutes(3);
    private static final String HALTING = "test fault: halting";
    private static final String FENCED = "fenced: another instance has taken the merging over";
    private static final String PARTITIONS = "newsline_timeline_merger_partitions";
    private static final List<String> ARMED = Stream.concat(RunningSystem.FAST_MERGER_FAILOVER.stream(),
            Stream.of("-Dtimeline.merger.test-halt-mid-article=" + HALT)).toList();

    private static KafkaBrokerProcess broker;
    private static Admin admin;
    private static Path logs;
    private static Map<String, String> env;
    private static ServiceProcess ingest;
    private static ServiceProcess nlp;
    private static ServiceProcess first;
    private static ServiceProcess second;
    private static final List<ServiceProcess> started = new ArrayList<>();
    private static SteadyLoad load;
    /** The several-event articles posted so far, and how many events each reports: later audits check them too. */
    private static final Map<String, Integer> severalEventArticles = new java.util.LinkedHashMap<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSystem() {
        broker = KafkaBrokerProcess.startFresh();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        logs = ServiceProcess.repositoryRoot().resolve("e2e-tests/target/e2e-logs/merger-crash");
        env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "NEWSLINE_TOKENS", TOKEN);
        ingest = track(ServiceProcess.start("ingest-service", KafkaBrokerProcess.freePort(), env, logs));
        nlp = track(ServiceProcess.start("nlp-service", KafkaBrokerProcess.freePort(), env, logs));
        first = timeline("timeline-a", KafkaBrokerProcess.freePort(), ARMED);
        for (ServiceProcess s : List.of(ingest, nlp, first)) {
            s.awaitReady(Duration.ofSeconds(240));
        }
        // Started once the first is up, so the first (armed) is the one that merges.
        second = timeline("timeline-b", KafkaBrokerProcess.freePort(), RunningSystem.FAST_MERGER_FAILOVER);
        second.awaitReady(Duration.ofSeconds(240));
        load = new SteadyLoad(ingest.baseUrl(), TOKEN, RATE);
    }

    @AfterAll
    static void stopSystem() {
        List<AutoCloseable> all = new ArrayList<>();
        all.add(load);
        List<ServiceProcess> reversed = new ArrayList<>(started);
        java.util.Collections.reverse(reversed);
        all.addAll(reversed);
        all.add(admin);
        all.add(broker);
        for (AutoCloseable c : all) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep stopping the others
            }
        }
    }

    @Test
    @Order(1)
    void aMergerFrozenMidArticlePastItsSessionIsFencedWhenItWakesAndNothingItWroteIsSeen() throws Exception {
        DeliveryAudit audit = new DeliveryAudit("MergerCrashIT-frozen");
        long begin = System.nanoTime();
        awaitSoleMerger(first, first, second);
        try (ResumingSseClient onFirst = new ResumingSseClient(first.baseUrl() + "/api/timeline/stream?since=0");
                ResumingSseClient onSecond = new ResumingSseClient(second.baseUrl() + "/api/timeline/stream?since=0")) {
            // Given articles flowing, and an article reporting three happenings in three towns
            load.start();
            awaitFlowing(onSecond, begin);
            String article = severalEvents("Zolochiv", "Balakliia", "Kupiansk", 1995, "frozen");
            int events = eventsReported(article);

            // When the merger has written the first of its records and is frozen there
            String id = post(article);
            severalEventArticles.put(id, events);
            await("the merger halts in the middle of the article").atMost(GENEROUS).pollInterval(Duration.ofMillis(200))
                    .until(() -> first.logContains(HALTING));
            first.freeze();
            long frozenAt = System.nanoTime();

            // Then the standby takes over once the session has timed out, and folds the article whole
            awaitSoleMerger(second, second);
            long tookOverAt = System.nanoTime();
            awaitEventsOf(second, id, events);

            // When the frozen merger wakes up, in the middle of the transaction it had open
            first.thaw();
            long thawedAt = System.nanoTime();

            // Then it finds itself fenced and stands by behind its successor, which goes on merging
            await("the woken merger reports being fenced").atMost(GENEROUS).pollInterval(Duration.ofMillis(500))
                    .until(() -> first.logContains(FENCED));
            awaitStableGroupOf(2);
            awaitSoleMerger(second, first, second);
            long afterWake = System.nanoTime();
            awaitFlowing(onFirst, afterWake);
            load.stop();

            int neverCommitted = settleAndAudit(audit, List.of(first, second), List.of(onFirst, onSecond));
            audit.put("frozenToTakeOverSeconds", DeliveryAudit.seconds(tookOverAt - frozenAt));
            audit.put("frozenSeconds", DeliveryAudit.seconds(thawedAt - frozenAt));
            audit.put("fencedInstanceStepDowns", metric(first, "newsline_timeline_merger_fenced_total"));
            audit.put("testSeconds", DeliveryAudit.seconds(System.nanoTime() - begin));
            audit.write();

            assertEquals(List.of(), audit.problems());
            assertTrue(events >= 2, "the article reports several events, so the halt fell between two of its records");
            assertTrue(neverCommitted >= 1, "the frozen merger's first record of the article was on the broker, never committed");
            assertTrue(metric(first, "newsline_timeline_merger_fenced_total") >= 1, "the woken merger counted its step-down");
        }
    }

    @Test
    @Order(2)
    void aMergerKilledMidArticleLeavesNothingOfItAndItsSuccessorFoldsAllOfIt() throws Exception {
        DeliveryAudit audit = new DeliveryAudit("MergerCrashIT-killed-mid-article");
        long begin = System.nanoTime();
        // Given a merger armed again: the first instance restarted (its halt was spent), the second stopped
        // cleanly so the restarted one takes the merging over at once
        first.kill();
        int firstPort = first.port();
        int secondPort = second.port();
        first = timeline("timeline-a-restarted", firstPort, ARMED);
        first.awaitReady(Duration.ofSeconds(240));
        try (ResumingSseClient onSecond = new ResumingSseClient("http://127.0.0.1:" + secondPort
                + "/api/timeline/stream?since=0")) {
            awaitFlowingOrIdle(onSecond);
            second.close();
            awaitSoleMerger(first, first);
            load.start();
            String article = severalEvents("Izium", "Chuhuiv", "Lozova", 1996, "killed");
            int events = eventsReported(article);

            // When the merger is killed after writing the first of the article's records
            String id = post(article);
            severalEventArticles.put(id, events);
            await("the merger halts in the middle of the article").atMost(GENEROUS).pollInterval(Duration.ofMillis(200))
                    .until(() -> first.logContains(HALTING));
            first.kill();
            long killedAt = System.nanoTime();

            // And its successor starts
            second = timeline("timeline-b-restarted", secondPort, RunningSystem.FAST_MERGER_FAILOVER);
            second.awaitReady(Duration.ofSeconds(240));
            awaitSoleMerger(second, second);
            long tookOverAt = System.nanoTime();

            // Then the successor folds the whole article, and everything else posted meanwhile
            awaitEventsOf(second, id, events);
            awaitFlowing(onSecond, tookOverAt);
            load.stop();

            int neverCommitted = settleAndAudit(audit, List.of(second), List.of(onSecond));
            audit.put("killedToTakeOverSeconds", DeliveryAudit.seconds(tookOverAt - killedAt));
            audit.put("testSeconds", DeliveryAudit.seconds(System.nanoTime() - begin));
            audit.write();

            assertEquals(List.of(), audit.problems());
            assertTrue(events >= 2, "the article reports several events, so the kill fell between two of its records");
            assertTrue(neverCommitted >= 2, "the killed merger's first record of the article was on the broker, never committed");
        }
    }

    /**
     * Waits until nothing is left to do, then checks the timeline of each instance and what each subscriber
     * got. Returns how many records news.timeline holds that were never committed.
     */
    private static int settleAndAudit(DeliveryAudit audit, List<ServiceProcess> instances,
            List<ResumingSseClient> clients) throws Exception {
        int reposted = load.repostUnacknowledged(GENEROUS);
        await("nlp-service and the merger committed every article").atMost(GENEROUS).pollInterval(Duration.ofSeconds(1))
                .until(() -> RunningSystem.committedToEnd(admin, "nlp-service", Topics.ARTICLES_RAW)
                        && RunningSystem.committedToEnd(admin, "timeline-merger", Topics.ARTICLES_ENRICHED));
        long end = TimelineTopic.lastSequence(broker.bootstrapServers());
        for (ServiceProcess instance : instances) {
            await(instance.name() + " serves news.timeline to " + end).atMost(Duration.ofMinutes(1))
                    .until(() -> RunningSystem.timeline(http, instance.baseUrl()).sequence() == end);
        }
        for (ResumingSseClient client : clients) {
            await("the subscriber reached the end of the feed " + end).atMost(Duration.ofMinutes(1))
                    .until(() -> client.lastEventId() != null && Long.parseLong(client.lastEventId()) >= end);
        }
        List<RunningSystem.TimelineRecord> committed = TimelineTopic.committed(broker.bootstrapServers());
        ServiceProcess main = instances.get(instances.size() - 1);
        RunningSystem.Page page = RunningSystem.timeline(http, main.baseUrl());
        Set<Long> neverCommitted = TimelineTopic.neverCommitted(broker.bootstrapServers());
        severalEventArticles.forEach(audit::expectSeveralEvents);
        audit.load(load, reposted);
        audit.timeline(page, load.posted(), end);
        audit.neverSeen(committed, neverCommitted, page, clients);
        for (int i = 0; i < clients.size(); i++) {
            ServiceProcess instance = instances.get(i);
            RunningSystem.Page its = RunningSystem.timeline(http, instance.baseUrl());
            DeliveryAudit reader = new DeliveryAudit(instance.name());
            reader.stream(clients.get(i), committed, RunningSystem.freshReplay(instance.baseUrl(), its), its);
            audit.include("subscriber of " + instance.name(), reader);
        }
        return neverCommitted.size();
    }

    private static ServiceProcess timeline(String name, int port, List<String> options) {
        return track(ServiceProcess.start(name, "timeline-service", port, env, options, logs));
    }

    private static ServiceProcess track(ServiceProcess p) {
        started.add(p);
        return p;
    }

    /**
     * An article reporting three happenings, each in its own town on its own day of {@code year}, far from
     * every other article of the tests, so none merges with anything.
     */
    private static String severalEvents(String town1, String town2, String town3, int year, String tag) {
        ObjectNode a = Json.mapper().createObjectNode()
                .put("title", "Strikes hit " + town1 + ", " + town2 + " and " + town3 + " over three days")
                .put("body", "A missile struck an apartment block in " + town1 + " on Monday, killing two residents,"
                        + " the regional governor said.\n\nOn Wednesday, drones hit a grain depot in " + town2
                        + ", injuring four workers, police said.\n\nOn Friday, artillery shelled a school in " + town3
                        + ", damaging its roof, local officials said.")
                .put("url", "https://fault.newsline.example/" + RUN + "/" + tag)
                .put("source", "Newsline fault test")
                .put("publishedAt", year + "-05-20T12:00:00Z");
        return a.toString();
    }

    /** How many events nlp-service reads in the article (its {@code /api/enrich} runs the same code). */
    private static int eventsReported(String article) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(nlp.baseUrl() + "/api/enrich"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(article)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body()).path("events").size();
    }

    private static String post(String article) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/api/articles"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(article)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body()).get("id").asText();
    }

    private static void awaitEventsOf(ServiceProcess instance, String articleId, int events) {
        await(instance.name() + " serves the " + events + " events of article " + articleId).atMost(GENEROUS)
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    int found = 0;
                    for (JsonNode item : RunningSystem.timeline(http, instance.baseUrl()).items()) {
                        for (JsonNode s : item.path("sources")) {
                            if (articleId.equals(s.path("articleId").asText())) {
                                found++;
                            }
                        }
                    }
                    return found >= events;
                });
    }

    /** Waits until an article of the load first posted after this moment came out of the stream. */
    private static void awaitFlowing(ResumingSseClient stream, long postedAfterNanos) {
        await("an article posted now comes out of the stream").atMost(GENEROUS).pollInterval(Duration.ofSeconds(1))
                .until(() -> DeliveryAudit.secondsUntilFlowing(stream, load.posted(), postedAfterNanos, postedAfterNanos)
                        != null);
    }

    /** Waits until a fresh subscriber has caught up with what the load posted so far. */
    private static void awaitFlowingOrIdle(ResumingSseClient stream) throws Exception {
        long end = TimelineTopic.lastSequence(broker.bootstrapServers());
        await("the subscriber replayed the feed to " + end).atMost(GENEROUS)
                .until(() -> end == 0 || (stream.lastEventId() != null && Long.parseLong(stream.lastEventId()) >= end));
    }

    /** Waits until {@code expected} owns every enriched partition and every other of these instances none. */
    private static void awaitSoleMerger(ServiceProcess expected, ServiceProcess... instances) {
        await(expected.name() + " is the one merger").atMost(GENEROUS).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (ServiceProcess p : instances) {
                double owned = metric(p, PARTITIONS);
                if ((p == expected) != (owned > 0)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static void awaitStableGroupOf(int members) {
        await("the merger group is stable with " + members + " members").atMost(GENEROUS).until(() -> {
            ConsumerGroupDescription g = admin.describeConsumerGroups(Set.of("timeline-merger"))
                    .describedGroups().get("timeline-merger").get();
            return g.groupState() == GroupState.STABLE && g.members().size() == members;
        });
    }

    private static double metric(ServiceProcess instance, String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(instance.name() + " has no " + name + " metric");
    }
}
