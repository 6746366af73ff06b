package io.newsline.nlp.geo;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.NameMention;
import io.newsline.nlp.quality.RecordedFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Regression guard over the evaluation corpus (skipped when it is absent): given the gold place names
 * as the recogniser would find them in the text, the share of gold places that resolve within the
 * scorer's distance (25 km for towns, 100 km for regions, the right country for countries, or left
 * open where the gold calls the position approximate) must not fall below the figure last recorded
 * in docs/nlp.md ({@code gold_places_geocoded=…} in its block of recorded figures). Nothing here is
 * tuned to these articles' names; the places it still gets wrong are listed in the test report.
 */
class GoldPlacesGeocodingTest {

    static final String FIGURE = "gold_places_geocoded";

    @Test
    void goldPlacesResolveAtLeastAsWellAsLastRecorded(TestReporter reporter) throws IOException {
        Path corpus = Path.of(System.getProperty("newsline.corpus", "../../shared/corpus"));
        assumeTrue(Files.isDirectory(corpus.resolve("gold")), "corpus not present");
        Geocoder geocoder = new Geocoder(BundledGazetteer.get());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(corpus.resolve("gold"))) {
            for (Path goldFile : files.sorted().toList()) {
                JsonNode gold = Json.mapper().readTree(goldFile.toFile()).get("gold");
                JsonNode article = Json.mapper().readTree(corpus.resolve("articles").resolve(goldFile.getFileName()).toFile());
                String title = article.path("title").asText("");
                String body = article.path("body").asText("");
                List<NameMention> mentions = new ArrayList<>();
                for (JsonNode loc : gold.get("locations")) {
                    addMentions(mentions, loc.get("name").asText(), title, body);
                }
                List<Place> places = geocoder.resolve(title, body, mentions);
                for (JsonNode loc : gold.get("locations")) {
                    checked++;
                    String problem = check(loc, places);
                    if (problem != null) {
                        failures.add(goldFile.getFileName() + ": " + problem);
                    }
                }
            }
        }
        double share = (checked - failures.size()) / (double) checked;
        reporter.publishEntry("gold places", String.format(Locale.ROOT, "%s=%.2f (%d/%d); wrong: %s", FIGURE, share,
                checked - failures.size(), checked, String.join("; ", failures)));
        Double recorded = RecordedFigures.read(RecordedFigures.doc()).get(FIGURE);
        assertNotNull(recorded, "docs/nlp.md records no " + FIGURE);
        assertTrue(share + 0.005 >= recorded, String.format(Locale.ROOT,
                "%s fell to %.2f below the recorded %.2f:%n%s", FIGURE, share, recorded, String.join("\n", failures)));
    }

    /** Mentions of the name as written, or of its bare form when the text lists regions ("Kyiv, ... oblasts"). */
    private static void addMentions(List<NameMention> mentions, String name, String title, String body) {
        String bare = name.replaceAll("(?i)\\s+(oblast|region|province)$", "");
        for (String field : List.of("title", "body")) {
            String text = field.equals("title") ? title : body;
            String form = text.contains(name) || bare.equals(name) ? name : bare;
            int from = 0;
            int k;
            while ((k = text.indexOf(form, from)) >= 0) {
                int start = k;
                int end = k + form.length();
                boolean taken = mentions.stream().anyMatch(m -> m.field().equals(field) && m.start() < end && start < m.end());
                if (!taken) {
                    mentions.add(new NameMention(form, EntityType.LOCATION, field, start, end, sentenceOf(text, start)
                            + (field.equals("body") ? 1 : 0)));
                }
                from = end;
            }
        }
    }

    private static int sentenceOf(String text, int offset) {
        int s = 0;
        for (int i = 0; i + 1 < offset; i++) {
            if ((text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?') && text.charAt(i + 1) == ' ') {
                s++;
            }
        }
        return s;
    }

    private static String check(JsonNode loc, List<Place> places) {
        String name = loc.get("name").asText();
        String kind = loc.path("kind").asText();
        Place p = places.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst()
                .orElse(places.stream().filter(x -> x.matchedText().contains(name)).findFirst().orElse(null));
        if (p == null) {
            return name + " not found among " + places.stream().map(Place::name).toList();
        }
        if (kind.equals("country")) {
            return loc.get("country").asText().equals(p.countryCode()) ? null : name + " in " + p.countryCode();
        }
        if (loc.path("lat").isMissingNode() || loc.path("lat").isNull()) {
            return null;
        }
        if (p.lat() == null) {
            return loc.path("approximate").asBoolean(false) ? null : name + " left unresolved";
        }
        double d = GeoMath.distanceKm(p.lat(), p.lon(), loc.get("lat").asDouble(), loc.get("lon").asDouble());
        double limit = List.of("city", "town", "village").contains(kind) ? 25 : 100;
        return d <= limit ? null : String.format("%s placed %.0f km off (%s)", name, d, p);
    }
}
