package io.newsline.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.kafka.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches, against a real run under load: the broker and the three packaged services,
 * a poison record, a backlog of articles and a steady stream of more, one SSE subscriber.
 * {@code ./newsline top --once} must show rates and lags that agree with the broker's own offsets, read
 * just before and just after it; a real Prometheus (Debian's package), configured from the repository,
 * scrapes the run, answers every query of the Grafana dashboard with data, evaluates every alert rule
 * without error and fires the dead-letter alert for the poison record.
 */
class OperatorViewsUnderLoadIT {

    private static final int BACKLOG = 400;
    private static final int PER_SECOND = 20;
    private static final Path LOGS = ServiceProcess.repositoryRoot().resolve("e2e-tests/target/e2e-logs/operator-views");

    private static RunningSystem system;
    private static PrometheusProcess prometheus;
    private static SteadyLoad load;
    private static SseClient subscriber;
    private static Admin admin;

    @BeforeAll
    static void startARunUnderLoad() throws Exception {
        system = RunningSystem.start("operator-views");
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.broker.bootstrapServers()));
        Optional<Path> binary = PrometheusProcess.installed("prometheus");
        if (binary.isPresent()) {
            // Started before anything happens, so it sees every counter rise (the dead letter included).
            prometheus = PrometheusProcess.start(binary.get(), Map.of(
                    RunningSystem.INGEST, system.port(RunningSystem.INGEST),
                    RunningSystem.NLP, system.port(RunningSystem.NLP),
                    RunningSystem.TIMELINE, system.port(RunningSystem.TIMELINE)), LOGS);
            await("Prometheus scrapes the three services").atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode up = prometheus.query("up == 1");
                return up.size() == 3;
            });
        }
        subscriber = new SseClient(system.url(RunningSystem.TIMELINE) + "/api/timeline/stream");
        // A record nlp cannot read: a dead letter.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", system.broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, "poison-1", "{this is not an article")).get();
        }
        await("the poison record is dead-lettered").atMost(Duration.ofSeconds(60)).until(() -> records(Topics.ARTICLES_DLQ) == 1);
        // A backlog for nlp to work through, and articles arriving all the while.
        SteadyLoad backlog = new SteadyLoad(system.url(RunningSystem.INGEST), system.token, 1);
        ArrayNode batch = Json.mapper().createArrayNode();
        for (int i = 0; i < BACKLOG; i++) {
            batch.add(Json.mapper().readTree(backlog.article(100_000 + i)));
        }
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(system.url(RunningSystem.INGEST) + "/api/articles/batch"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + system.token)
                .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        load = new SteadyLoad(system.url(RunningSystem.INGEST), system.token, PER_SECOND);
        load.start();
        await("nlp-service is working through the backlog").atMost(Duration.ofSeconds(120))
                .until(() -> committed("nlp-service", Topics.ARTICLES_RAW) > 0 && committed("timeline-merger", Topics.ARTICLES_ENRICHED) > 0);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {load, subscriber, prometheus, admin, system}) {
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
    void topOnceShowsRatesAndLagsThatAgreeWithTheBrokersOffsets() throws Exception {
        // Given the broker's offsets just before
        long rawBefore = records(Topics.ARTICLES_RAW);
        long committedBefore = committed("nlp-service", Topics.ARTICLES_RAW);

        // When an operator runs ./newsline top --once
        String screen = runTop();

        // And the broker's offsets just after
        long rawAfter = records(Topics.ARTICLES_RAW);
        long committedAfter = committed("nlp-service", Topics.ARTICLES_RAW);
        Files.createDirectories(LOGS);
        Files.writeString(LOGS.resolve("top-once.txt"), screen + "\nbroker before: raw end " + rawBefore + ", nlp-service committed "
                + committedBefore + "\nbroker after:  raw end " + rawAfter + ", nlp-service committed " + committedAfter + "\n");
        double window = number(find(screen, "rates over ([0-9.]+) s"));

        // Then news.articles.raw shows an end offset between the two readings, and records coming in
        List<String> raw = cells(screen, Topics.ARTICLES_RAW + " ");
        assertEquals("3", raw.get(1), screen);
        long end = (long) number(raw.get(2));
        assertTrue(rawBefore <= end && end <= rawAfter, end + " within [" + rawBefore + ", " + rawAfter + "]\n" + screen);
        double in = number(raw.get(3));
        assertTrue(in > 0, "records/s in: " + in + "\n" + screen);
        assertTrue(noMoreThan(in, window, rawAfter - rawBefore), "no more came in than the broker says\n" + screen);

        // And nlp-service lags, by as much as the broker allows, partition by partition, while taking records out
        List<String> group = cells(screen, "nlp-service ");
        assertEquals(Topics.ARTICLES_RAW, group.get(3), screen);
        long lag = (long) number(group.get(4));
        assertTrue(lag > 0, "a backlog: " + screen);
        assertTrue(rawBefore - committedAfter <= lag && lag <= rawAfter - committedBefore,
                lag + " within [" + (rawBefore - committedAfter) + ", " + (rawAfter - committedBefore) + "]\n" + screen);
        long byPartition = 0;
        for (String p : group.subList(5, 8)) {
            byPartition += (long) number(p);
        }
        assertEquals(lag, byPartition, "the partitions add up to the lag\n" + screen);
        double out = number(group.get(8));
        assertTrue(out > 0 && noMoreThan(out, window, committedAfter - committedBefore),
                "no more went out than the broker's committed offsets moved\n" + screen);
        assertFalse(group.get(9).isBlank(), screen);

        // And the dead letter, the services and the subscriber are there
        assertTrue(screen.contains("DEAD LETTERS  1 in news.articles.dlq"), screen);
        for (String service : List.of("ingest", "nlp", "timeline")) {
            assertEquals("ready", cells(screen, service + " ").get(1), screen);
        }
        assertTrue(number(cells(screen, "ingest ").get(2)) > 0, "ingest accepts articles\n" + screen);
        assertTrue(cells(screen, "nlp ").contains("enriched"), "nlp's enrich stage with its quantiles\n" + screen);
        assertTrue(Pattern.compile("SSE  [1-9][0-9]* subscriber").matcher(screen).find(), screen);
    }

    @Test
    void prometheusAnswersEveryDashboardQueryAndEvaluatesEveryAlert() throws Exception {
        assumeTrue(prometheus != null, "prometheus is not installed (Debian's prometheus package; .ci/run installs it): "
                + "the dashboard and the alerts are not tried against a real Prometheus");
        List<GrafanaDashboard.Query> queries = GrafanaDashboard.read().queries();
        Map<String, String> answers = new LinkedHashMap<>();
        // Grafana's $__rate_interval with a 1 s scrape interval is a few seconds; 30 s smooths the backlog's bursts.
        await("every dashboard query returns data").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    answers.clear();
                    for (GrafanaDashboard.Query q : queries) {
                        JsonNode result = prometheus.query(q.resolved("30s"));
                        if (!hasFiniteValue(result)) {
                            answers.put(q.panel() + " " + q.refId(), q.resolved("30s") + " -> " + result);
                        }
                    }
                    return answers.isEmpty();
                });
        assertTrue(answers.isEmpty(), "queries without data: " + answers);

        await("the dead-letter alert fires for the poison record").atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode a : prometheus.api("/api/v1/alerts").path("alerts")) {
                if ("NewslineDeadLetters".equals(a.path("labels").path("alertname").asText())
                        && "firing".equals(a.path("state").asText())) {
                    return Topics.ARTICLES_RAW.equals(a.path("labels").path("topic").asText());
                }
            }
            return false;
        });
        int rules = 0;
        for (JsonNode g : prometheus.api("/api/v1/rules").path("groups")) {
            for (JsonNode r : g.path("rules")) {
                rules++;
                assertEquals("ok", r.path("health").asText(), r.path("name") + ": " + r.path("lastError"));
            }
        }
        assertEquals(5, rules, "every rule of alerts.yml is loaded");
    }

    @Test
    void everyNewslineSeriesHasHelpTextAndIsListedInTheOperationsPage() throws Exception {
        assumeTrue(prometheus != null, "prometheus is not installed: the scraped series are not checked");
        String docs = Files.readString(ServiceProcess.repositoryRoot().resolve("docs/operations.md"));
        Set<String> families = new TreeSet<>();
        for (JsonNode name : prometheus.api("/api/v1/label/__name__/values")) {
            if (name.asText().startsWith("newsline_")) {
                families.addAll(ObservabilityConfigTest.families(name.asText()));
            }
        }
        assertTrue(families.size() > 15, "the services' series: " + families);
        JsonNode metadata = prometheus.api("/api/v1/metadata");
        List<String> missing = new ArrayList<>();
        for (String f : families) {
            // A counter's metadata is under its sample name or, from an OpenMetrics scrape, without _total.
            JsonNode meta = metadata.has(f) ? metadata.path(f) : metadata.path(f.replaceFirst("_total$", ""));
            if (!docs.contains("`" + f)) {
                missing.add(f + " (not in docs/operations.md)");
            }
            if (meta.isMissingNode() || meta.path(0).path("help").asText().isBlank()) {
                missing.add(f + " (no help text)");
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    private static boolean hasFiniteValue(JsonNode result) {
        for (JsonNode series : result) {
            String v = series.path("value").path(1).asText();
            if (!v.isEmpty() && !v.equals("NaN") && !v.contains("Inf")) {
                return true;
            }
        }
        return false;
    }

    /** {@code ./newsline top --once} as an operator runs it, with the ports of this run. */
    private static String runTop() throws Exception {
        Path root = ServiceProcess.repositoryRoot();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("newsline").toString(), "top", "--once")
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("NEWSLINE_KAFKA_PORT", Integer.toString(system.broker.port()));
        pb.environment().put("NEWSLINE_INGEST_PORT", Integer.toString(system.port(RunningSystem.INGEST)));
        pb.environment().put("NEWSLINE_NLP_PORT", Integer.toString(system.port(RunningSystem.NLP)));
        pb.environment().put("NEWSLINE_TIMELINE_PORT", Integer.toString(system.port(RunningSystem.TIMELINE)));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "top --once ended");
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("\033["), "no terminal escapes when the output is not a terminal");
        return out;
    }

    /** Records written to a topic so far: the sum of its end offsets. */
    private static long records(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    /** The sum of a group's committed offsets on a topic. */
    private static long committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static List<String> cells(String screen, String start) {
        return screen.lines().filter(l -> l.startsWith(start)).findFirst().map(l -> List.of(l.trim().split("\\s+")))
                .orElseThrow(() -> new AssertionError("no line starting with '" + start + "' in\n" + screen));
    }

    private static String find(String screen, String regex) {
        Matcher m = Pattern.compile(regex).matcher(screen);
        assertTrue(m.find(), regex + " in\n" + screen);
        return m.group(1);
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", ""));
    }

    /**
     * Whether a rate shown with one decimal, over a window shown with one decimal, can come from no more than
     * {@code counted} records: each figure may be up to 0.05 above the true one.
     */
    private static boolean noMoreThan(double rate, double window, long counted) {
        return (rate - 0.05) * (window - 0.05) <= counted + 1;
    }
}
