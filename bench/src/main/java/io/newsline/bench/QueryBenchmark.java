package io.newsline.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filtered pages of {@code GET /api/timeline} (100 events each, as the page asks) against a running timeline
 * holding {@link FootprintBenchmark}'s synthetic events: each kind of filter and some combinations, one request
 * at a time, each kind {@code n} times after a warm-up, with its date window or box moved at random so the
 * answers are not the same page each time. Reports p50/p90/p99 per kind, and how many events the first page had.
 */
final class QueryBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final String[] TOWNS = {"Kharkiv", "Sumy", "Odesa", "Dnipro"};
    private static final String[] WORDS = {"bridge", "school", "grain elevator", "hosp*", "railway depot"};

    private final String url;
    private final int n;
    private final Report report;
    private final Random random = new Random(11);

    QueryBenchmark(String url, int n, Report report) {
        this.url = url;
        this.n = n;
        this.report = report;
    }

    void run() throws Exception {
        Map<String, java.util.function.Supplier<String>> kinds = new LinkedHashMap<>();
        kinds.put("no filter", () -> "");
        kinds.put("place", () -> "place=" + town());
        kinds.put("bbox", () -> "bbox=" + box());
        kinds.put("type", () -> "type=AIR_STRIKE");
        kinds.put("from/to (one month)", this::month);
        kinds.put("q", () -> "q=" + enc(word()));
        kinds.put("near (20 km)", () -> "near=" + (50 + random.nextDouble()) + "," + (36 + random.nextDouble()) + ",20");
        kinds.put("place + type + from/to", () -> "place=" + town() + "&type=SHELLING,DRONE_STRIKE&" + month());
        kinds.put("q + place + from/to", () -> "q=" + enc(word()) + "&place=" + town() + "&" + month());
        kinds.put("q + type + status + bbox", () -> "q=" + enc(word()) + "&type=MISSILE_STRIKE&status=disputed&bbox="
                + box());
        kinds.put("entity + from/to", () -> "entity=" + enc("National Police") + "&" + month());
        for (Map.Entry<String, java.util.function.Supplier<String>> kind : kinds.entrySet()) {
            for (int i = 0; i < 20; i++) {
                get(kind.getValue().get());
            }
            Latency latency = new Latency();
            long items = 0;
            for (int i = 0; i < n; i++) {
                String query = kind.getValue().get();
                long start = System.nanoTime();
                String body = get(query);
                latency.recordNanos(System.nanoTime() - start);
                items += count(body);
            }
            report.row(row(kind.getKey(), latency, items / (double) n));
        }
        Latency deep = new Latency();
        for (int i = 0; i < Math.max(1, n / 10); i++) {
            String cursor = null;
            String place = town();
            for (int page = 0; page < 10; page++) {
                long start = System.nanoTime();
                String body = get("place=" + place + (cursor == null ? "" : "&cursor=" + cursor));
                deep.recordNanos(System.nanoTime() - start);
                Matcher m = CURSOR.matcher(body);
                cursor = m.find() ? m.group(1) : null;
                if (cursor == null) {
                    break;
                }
            }
        }
        report.row(row("place, pages 1-10 by cursor", deep, 100));
    }

    private Map<String, Object> row(String kind, Latency latency, double items) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("query", kind);
        row.put("requests", latency.count());
        row.put("items_per_page", Latency.round(items));
        row.putAll(latency.summary());
        System.out.println(row);
        return row;
    }

    private String get(String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/timeline?" + query))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(query + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static long count(String body) {
        long c = 0;
        for (int at = body.indexOf("\"sourceCount\""); at >= 0; at = body.indexOf("\"sourceCount\"", at + 1)) {
            c++;
        }
        return c;
    }

    private String town() {
        return TOWNS[random.nextInt(TOWNS.length)];
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String box() {
        double lat = 50 + random.nextDouble() * 0.8;
        double lon = 36 + random.nextDouble() * 0.8;
        return lon + "," + lat + "," + (lon + 0.2) + "," + (lat + 0.2);
    }

    private String month() {
        java.time.LocalDate first = java.time.LocalDate.of(2022, 3, 1).plusMonths(random.nextInt(40));
        return "from=" + first + "&to=" + first.plusMonths(1).minusDays(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
