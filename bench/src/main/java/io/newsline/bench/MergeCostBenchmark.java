package io.newsline.bench;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one article's fold costs the merger (the plain-Java {@code EventMerger}, no Kafka) once the timeline
 * holds many events: the timeline is first grown to {@code --events} events by folding synthetic articles
 * through the merger itself, then {@code --articles} more are folded and each fold is timed. Each article
 * reports one strike with a time of day, target and weapon, and recalls an earlier one in a background
 * sentence; its body is long enough to get a text sketch, so copies are looked for too. Run twice: events
 * spread over {@code --days} days (years of a war), and crowded, {@code --crowded-events} of them into
 * {@code --crowded-days} (weeks of heavy news, some 3,100 events a day), where each report has far more
 * events of its town and days to be compared with. What a fold costs depends on how many events share its
 * town and days, not on the timeline's length, so the crowded run keeps the density of 100,000 events in
 * 30 days with fewer events by default, and finishes in minutes; {@code --crowded-events 100000
 * --crowded-days 30} is the full month (about a quarter of an hour to grow on a 2-core machine).
 *
 * <p>{@code --merger index} (the default, as the service runs it) gives the merger a timeline index in a temporary
 * folder and a working set of {@code --working-set} events (5,000 unless given): what it folds is applied to the
 * index 50 folds at a time, as the loader would, untimed; {@code --merger memory} holds every event in the heap
 * (the merger before issue 17).
 */
public final class MergeCostBenchmark {

    private static final String[] TOWNS = {"Kharkiv", "Kupiansk", "Izium", "Sumy", "Kherson", "Dnipro", "Odesa",
            "Zaporizhzhia", "Sloviansk", "Pokrovsk", "Chuhuiv", "Lozova"};
    private static final String[] TARGETS = {"residential building", "school", "hospital", "shop", "factory",
            "railway station", "power plant", "warehouse", "cafe", "office building"};
    private static final String[] WEAPONS = {"glide bomb", "missile", "drone", "artillery"};
    private static final String[] PARTS = {"night", "morning", "afternoon", "evening"};
    /** Made-up district names, so reports of one town and day can be told apart as finely as real ones. */
    private static final String[] DISTRICTS = districts(60);
    private static final String[] WORDS = ("the strike damaged windows nearby and rescuers searched the rubble while "
            + "officials counted the wounded and residents queued for water as power was cut across several streets "
            + "after the blast").split(" ");

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int events = args.getInt("events", 100_000);
        int articles = args.getInt("articles", 2_000);
        Report report = new Report("merge-cost");
        report.row(run("spread", events, articles, args.getInt("days", 1300), args));
        int crowdedEvents = args.getInt("crowded-events", 25_000);
        Map<String, Object> crowded = run("crowded", crowdedEvents, articles, args.getInt("crowded-days", 8), args);
        report.row(crowded);
        report.verdict("a fold with " + crowdedEvents + " events crowded on the timeline costs <= 5 ms at p99 (a 20/s "
                + "stream's share of the merger is 50 ms per article)", (double) crowded.get("p99_ms") <= 5,
                "crowded p99 " + crowded.get("p99_ms") + " ms");
        report.finish(Path.of(args.get("out", "bench/results")));
    }

    private static Map<String, Object> run(String scenario, int events, int articles, int days, Args args)
            throws Exception {
        try (MergerUnderTest m = new MergerUnderTest(args.get("merger", "index"), args.getInt("working-set", 5000))) {
            return run(scenario, events, articles, days, m);
        }
    }

    private static Map<String, Object> run(String scenario, int events, int articles, int days, MergerUnderTest merger) {
        Random random = new Random(11);
        long start = System.nanoTime();
        int folded = 0;
        while (merger.events() < events) {
            if (folded > 5 * events) {
                throw new IllegalStateException("the timeline stopped growing at " + merger.events() + " events");
            }
            merger.fold(article(random, folded++, days));
        }
        double growSeconds = (System.nanoTime() - start) / 1e9;
        // Warm the measured path up before it is timed, so the JIT's first compilations are not counted.
        for (int i = 0; i < 500; i++) {
            merger.fold(article(random, folded++, days));
        }
        Latency latency = new Latency();
        long total = 0;
        for (int i = 0; i < articles; i++) {
            EnrichedArticle a = article(random, folded++, days);
            long spent = merger.fold(a);
            total += spent;
            latency.recordNanos(spent);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", scenario);
        row.put("merger", merger.kind());
        row.put("days", days);
        row.put("events", merger.events());
        row.put("working_set", merger.workingSet());
        row.put("articles_to_grow", folded - articles - 500);
        row.put("grow_s", Latency.round(growSeconds));
        row.put("timed_articles", articles);
        row.put("mean_ms", Math.round(total / (double) articles / 1000.0) / 1000.0);
        row.putAll(latency.summary());
        System.out.println(row);
        return row;
    }

    /** A synthetic article: one reported strike with its signature, one recalled strike, and a body of its own. */
    private static EnrichedArticle article(Random random, int n, int days) {
        LocalDate first = LocalDate.of(2022, 2, 24);
        String town = TOWNS[random.nextInt(TOWNS.length)];
        String date = first.plusDays(random.nextInt(days)).toString();
        EventSignature signature = EventSignature.NONE.withTimeOfDay(PARTS[random.nextInt(PARTS.length)])
                .withTarget(TARGETS[random.nextInt(TARGETS.length)]).withWeapon(WEAPONS[random.nextInt(WEAPONS.length)])
                .withDistrict(DISTRICTS[random.nextInt(DISTRICTS.length)] + " district");
        EventLocation where = new EventLocation(town, 48 + (town.hashCode() & 0xff) / 100.0,
                33 + ((town.hashCode() >> 8) & 0xff) / 100.0, "UA", null, "exact");
        Event reported = new Event("e1", EventType.AIR_STRIKE, null, date, null, DatePrecision.DAY, where,
                random.nextInt(5), random.nextInt(30), null, List.of(), List.of(), new Attribution(null, false),
                "A strike hit " + town + ".", 0.8).withSignature(signature);
        Event recalled = new Event("e2", EventType.AIR_STRIKE, null, first.plusDays(random.nextInt(days)).toString(),
                null, DatePrecision.DAY, where, random.nextInt(5), null, null, List.of(), List.of(),
                new Attribution(null, false), "An earlier strike hit " + town + ".", 0.8).withBackground(true);
        StringBuilder body = new StringBuilder("A strike hit " + town + " in article " + n + ".");
        for (int i = 0; i < 80; i++) {
            body.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return new EnrichedArticle("bench-" + n, "Strike on " + town + " " + n, body.toString(),
                "https://bench.newsline.example/merge/" + n, "Outlet " + random.nextInt(40),
                date + "T" + String.format("%02d", random.nextInt(24)) + ":00:00Z", "en", "text", null, List.of(),
                List.of(), new ArrayList<>(List.of(reported, recalled)), null);
    }

    private static String[] districts(int n) {
        String[] syllables = {"ko", "va", "ren", "tal", "mi", "sor", "bel", "du", "zan", "pol", "lu", "ter"};
        Random random = new Random(5);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder name = new StringBuilder();
            for (int s = 0; s < 4; s++) {
                name.append(syllables[random.nextInt(syllables.length)]);
            }
            out[i] = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        return out;
    }

    private MergeCostBenchmark() {}
}
