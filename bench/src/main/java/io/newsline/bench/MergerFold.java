package io.newsline.bench;

import io.newsline.contracts.kafka.JsonSerializer;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.NlpInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * With the merger on, after a restart on a long timeline: posts {@code articles} enriched articles at
 * {@code rate} a second to {@code news.articles.enriched}, half of them late reports of old events on the timeline
 * (same type, day and place as one of {@code samples}), half of new happenings, and reports how they were merged
 * (joined / new), the fold time the service measures ({@code newsline_timeline_fold_seconds}: fetch to commit),
 * the service's CPU per article, its peak heap while folding, and the merger's working set.
 */
final class MergerFold {

    /** An event written to the timeline, which a late article will report again. */
    record Sample(String town, double lat, double lon, String date, EventType type) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MergerFold() {}

    static Map<String, Object> run(PackagedService s, String bootstrap, List<Sample> samples, int articles, int rate)
            throws Exception {
        double foldedBefore = metric(s, "newsline_timeline_articles_folded_total ");
        double joinedBefore = metric(s, "newsline_timeline_merge_decisions_total{decision=\"joined\"");
        double cpuBefore = s.cpuSeconds();
        double peak = 0;
        Random random = new Random(11);
        long start = System.nanoTime();
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new JsonSerializer<>())) {
            for (int i = 0; i < articles; i++) {
                EnrichedArticle a = i % 2 == 0 ? late(samples.get(random.nextInt(samples.size())), i) : fresh(random, i);
                producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, a.id(), a));
                long due = start + (long) ((i + 1) * 1e9 / rate);
                while (System.nanoTime() < due) {
                    Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                }
                if (i % 20 == 0) {
                    peak = Math.max(peak, s.heapBytes());
                }
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (metric(s, "newsline_timeline_articles_folded_total ") < foldedBefore + articles) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the merger did not fold the articles within 5 minutes; log: " + s.log());
            }
            peak = Math.max(peak, s.heapBytes());
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("articles", articles);
        row.put("rate_per_s", rate);
        row.put("joined_old_events", Latency.round(metric(s, "newsline_timeline_merge_decisions_total{decision=\"joined\"")
                - joinedBefore));
        row.put("late_articles", (articles + 1) / 2);
        row.put("seconds", Latency.round(seconds));
        row.put("fold_p50_ms", Latency.round(metric(s, "newsline_timeline_fold_seconds{quantile=\"0.5\"") * 1000));
        row.put("fold_p99_ms", Latency.round(metric(s, "newsline_timeline_fold_seconds{quantile=\"0.99\"") * 1000));
        row.put("fold_max_ms", Latency.round(metric(s, "newsline_timeline_fold_seconds_max") * 1000));
        row.put("cpu_ms_per_article", Latency.round((s.cpuSeconds() - cpuBefore) * 1000 / articles));
        row.put("peak_heap_mb", Latency.round(Math.max(peak, s.heapBytes()) / (1024.0 * 1024)));
        row.put("working_set", Latency.round(metric(s, "newsline_timeline_merger_working_set ")));
        System.out.println(row);
        return row;
    }

    /** Another outlet's report of a sampled event: same type, day and place, published the next morning. */
    private static EnrichedArticle late(Sample e, int i) {
        EventLocation where = new EventLocation(e.town(), e.lat(), e.lon(), "UA", null, "exact");
        String published = LocalDate.parse(e.date()).plusDays(1) + "T08:00:00Z";
        return article(i, published, event(e.type(), e.date(), where, "A late report of the attack in " + e.town() + "."));
    }

    /** A happening of its own, on a day after every synthetic event. */
    private static EnrichedArticle fresh(Random random, int i) {
        String date = LocalDate.of(2027, 1, 1).plusDays(random.nextInt(300)).toString();
        EventLocation where = new EventLocation("Benchtown " + i, 45 + random.nextDouble() * 5,
                25 + random.nextDouble() * 10, "UA", null, "exact");
        return article(i, date + "T10:00:00Z", event(EventType.SHELLING, date, where, "Shelling hit the town."));
    }

    private static Event event(EventType type, String date, EventLocation where, String evidence) {
        return new Event(null, type, null, date, null, DatePrecision.DAY, where, null, 1, null, List.of(), List.of(),
                new Attribution(null, false), evidence, 0.9);
    }

    private static EnrichedArticle article(int i, String published, Event e) {
        String id = "fold-bench-" + i;
        return new EnrichedArticle(id, "Report " + i, e.evidence(), "https://late.bench.example/" + i, "Late Outlet " + (i % 7),
                published, "en", "text", published, List.of(), List.of(), List.of(e), new NlpInfo("bench", "en", 1, null));
    }

    /** The first value on {@code /q/metrics} whose line starts with {@code prefix}; 0 when there is none. */
    static double metric(PackagedService s, String prefix) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : body.split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
