package io.newsline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsline.contracts.kafka.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Distinct, realistic-looking articles for load: each names a real town, a kind of attack, a weekday
 * and casualty figures, and carries a unique URL so ingest never treats it as a re-post.
 */
final class SyntheticNews {

    private static final List<String> TOWNS = List.of(
            "Kharkiv", "Kupiansk", "Izium", "Chuhuiv", "Vovchansk", "Balakliia", "Lozova", "Bohodukhiv",
            "Sumy", "Kramatorsk", "Sloviansk", "Pokrovsk", "Zaporizhzhia", "Kherson", "Odesa", "Dnipro");
    private static final List<String> ATTACKS = List.of(
            "Russian artillery shelled %s", "A Russian drone struck a residential building in %s",
            "Two guided aerial bombs hit %s", "A missile struck an industrial site in %s",
            "Multiple rocket launchers fired on %s");
    private static final List<String> DAYS = List.of("on Monday", "on Tuesday", "on Wednesday", "overnight", "on Sunday");
    private static final List<String> OFFICIALS = List.of(
            "regional governor Oleh Syniehubov said", "Mayor Ihor Terekhov said", "the regional military administration said",
            "the State Emergency Service said");

    private final Random random;
    private final String run;

    SyntheticNews(long seed) {
        this.random = new Random(seed);
        this.run = Long.toHexString(seed) + "-" + Long.toHexString(System.nanoTime());
    }

    /** The n-th article of this run as JSON. */
    String article(int n) {
        String town = TOWNS.get(random.nextInt(TOWNS.size()));
        String attack = String.format(ATTACKS.get(random.nextInt(ATTACKS.size())), town);
        int killed = random.nextInt(4);
        int injured = 1 + random.nextInt(25);
        String body = attack + " " + DAYS.get(random.nextInt(DAYS.size())) + ", killing " + killed + " people and injuring "
                + injured + ", " + OFFICIALS.get(random.nextInt(OFFICIALS.size())) + ".\n\nEmergency crews worked at the scene "
                + "for several hours. Residents were told to stay in shelters while the air-raid alert lasted.";
        ObjectNode a = Json.mapper().createObjectNode()
                .put("title", "Attack on " + town + " (load " + n + ")")
                .put("body", body)
                .put("url", "https://bench.newsline.example/" + run + "/" + n)
                .put("source", "Newsline load generator")
                .put("publishedAt", Instant.now().minus(random.nextInt(20), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        return a.toString();
    }
}
