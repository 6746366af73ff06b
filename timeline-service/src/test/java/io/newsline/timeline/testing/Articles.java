package io.newsline.timeline.testing;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.NlpInfo;
import io.newsline.contracts.model.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the enriched articles tests feed the timeline with, as the NLP would publish them. */
public final class Articles {

    /** A town of its own for one test, far from every other test's town, so tests never merge with each other. */
    public record Town(String name, double lat, double lon, long geonameId, String admin1, String countryCode) {

        public static Town fresh() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String tag = UUID.randomUUID().toString().substring(0, 8);
            return new Town("Testville " + tag, r.nextDouble(-60, 60), r.nextDouble(-170, 170),
                    r.nextLong(100_000_000L, 900_000_000L), "Testshire " + tag, "UA");
        }

        public EventLocation location() {
            return new EventLocation(name, lat, lon, countryCode, geonameId, Place.EXACT);
        }

        /** A place a few kilometres away: another neighbourhood of the same town. */
        public EventLocation nearby(String otherName) {
            return new EventLocation(otherName, lat + 0.03, lon + 0.03, countryCode, geonameId + 1, Place.EXACT);
        }

        public Place place() {
            return new Place(name, List.of(name), lat, lon, countryCode, admin1, geonameId, "PPL", Place.EXACT, 0.9,
                    List.of());
        }
    }

    public static Event event(EventType type, String date, EventLocation where, Integer killed, Integer injured,
            String evidence, String... entities) {
        return new Event(null, type, null, date, null, DatePrecision.DAY, where, killed, injured, null, List.of(),
                List.of(entities), new Attribution(null, false), evidence, 0.9);
    }

    public static EnrichedArticle article(String outlet, String publishedAt, List<Place> places, Event... events) {
        String id = "test-" + UUID.randomUUID();
        List<Entity> entities = new ArrayList<>();
        for (Event e : events) {
            e.entities().forEach(n -> entities.add(new Entity(n, EntityType.PERSON, List.of())));
        }
        return new EnrichedArticle(id, "Report by " + outlet, "Body of the report.", "https://" + outlet + ".example/" + id,
                outlet, publishedAt, "en", "text", publishedAt, entities, places, List.of(events),
                new NlpInfo("test", "en", 1, null));
    }

    private Articles() {}
}
