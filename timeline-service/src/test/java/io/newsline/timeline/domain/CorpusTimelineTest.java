package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus articles, with the events an analyst found in them (gold), folded in any order and
 * twice: each happening an article reports appears once, with its source, in event-date order; a
 * happening it only recalls from weeks or years before (a renaming in 1951, an earthquake of 2023)
 * is background, no event. Reads the corpus at run time and skips when it is absent.
 */
class CorpusTimelineTest {

    private static List<EnrichedArticle> goldArticles(Path corpus) throws IOException {
        List<EnrichedArticle> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("gold"))) {
            for (Path gold : files.sorted().toList()) {
                JsonNode g = Json.mapper().readTree(gold.toFile()).get("gold");
                JsonNode a = Json.mapper().readTree(corpus.resolve("articles").resolve(gold.getFileName()).toFile());
                List<Event> events = new ArrayList<>();
                for (JsonNode e : g.path("events")) {
                    events.add(new Event(null, typeOf(e.path("type").asText()), e.path("type").asText(),
                            e.path("date").asText(), e.path("dateEnd").isMissingNode() ? null : e.path("dateEnd").asText(),
                            DatePrecision.valueOf(e.path("datePrecision").asText().toUpperCase(Locale.ROOT)),
                            locationOf(g, e.path("place").asText(null)), intOrNull(e, "killed"), intOrNull(e, "injured"),
                            intOrNull(e, "casualties"), List.of(), List.of(), new Attribution(null, false),
                            e.path("evidence").asText(null), 1.0));
                }
                out.add(new EnrichedArticle(a.path("id").asText(), a.path("title").asText(), "", null,
                        a.path("source").asText(null), a.path("publishedAt").asText(), "en", "text", null, List.of(),
                        List.of(), events, null));
            }
        }
        return out;
    }

    private static EventType typeOf(String gold) {
        String t = gold.toLowerCase(Locale.ROOT);
        if (t.contains("casualt")) {
            return EventType.CASUALTY_REPORT;
        }
        if (t.contains("capture")) {
            return EventType.TERRITORY_CAPTURE;
        }
        if (t.contains("assault")) {
            return EventType.GROUND_ASSAULT;
        }
        if (t.contains("diplomatic")) {
            return EventType.DIPLOMACY;
        }
        return t.contains("missile") ? EventType.MISSILE_STRIKE : EventType.AIR_STRIKE;
    }

    private static EventLocation locationOf(JsonNode gold, String place) {
        if (place == null) {
            return null;
        }
        for (JsonNode l : gold.path("locations")) {
            if (place.equals(l.path("name").asText()) || place.equals(l.path("geonamesName").asText())) {
                String kind = l.path("kind").asText();
                String precision = "country".equals(kind) ? Place.COUNTRY : "region".equals(kind) ? Place.REGION
                        : Place.EXACT;
                return new EventLocation(place, l.path("lat").asDouble(), l.path("lon").asDouble(),
                        l.path("country").asText(null), null, precision);
            }
        }
        return new EventLocation(place, null, null, null, null, Place.EXACT);
    }

    private static Integer intOrNull(JsonNode e, String field) {
        return e.path(field).isNumber() ? e.path(field).asInt() : null;
    }

    @Test
    void theCorpusPostedTwiceInAnyOrderGivesEachReportedHappeningOnceInDateOrder() throws IOException {
        String dir = System.getProperty("newsline.corpus");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "gold")), "corpus not available");
        List<EnrichedArticle> articles = goldArticles(Path.of(dir));
        int happenings = articles.stream().mapToInt(a -> a.events().size()).sum();
        EventMerger merger = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false);
        TimelineView view = new TimelineView();
        Random random = new Random(7);
        long sequence = 0;

        List<EnrichedArticle> postings = new ArrayList<>(articles);
        Collections.shuffle(postings, random);
        for (EnrichedArticle a : postings) {
            for (TimelineEvent record : merger.fold(a)) {
                view.apply(++sequence, record);
            }
        }
        long afterFirst = sequence;
        Collections.shuffle(postings, random);
        for (EnrichedArticle a : postings) {
            for (TimelineEvent record : merger.fold(a)) {
                view.apply(++sequence, record);
            }
        }

        assertEquals(afterFirst, sequence, "a re-posted article writes nothing");
        List<TimelineEvent> timeline = view.page(TimelineFilter.NONE, null, 1000).items();
        assertTrue(timeline.size() >= articles.size() && timeline.size() < happenings,
                timeline.size() + " events from " + articles.size() + " articles with " + happenings + " gold events");
        for (EnrichedArticle a : articles) {
            LocalDate newest = a.events().stream().map(e -> EventDates.firstDay(e.date()))
                    .max(Comparator.naturalOrder()).orElseThrow();
            for (Event g : a.events()) {
                boolean sourced = timeline.stream().anyMatch(e -> e.date().equals(g.date())
                        && e.sources().stream().anyMatch(s -> a.id().equals(s.articleId())));
                LocalDate last = EventDates.lastDay(g.date(), g.dateEnd());
                if (g.datePrecision() == DatePrecision.DAY && !last.plusDays(7).isBefore(newest)) {
                    assertTrue(sourced, a.id() + " reports its news of the week, " + g.date() + ": " + g.evidence());
                } else if (last.plusDays(30).isBefore(newest)) {
                    assertFalse(sourced, a.id() + " only recalls " + g.date() + ": " + g.evidence());
                }
            }
        }
        timeline.forEach(e -> assertEquals(1, e.sourceCount(), e.title()));
        List<String> starts = timeline.stream().map(e -> EventDates.firstDay(e.date()).toString()).toList();
        assertEquals(starts.stream().sorted().toList(), starts);
    }
}
