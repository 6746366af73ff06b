package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The merger compares a report only with the events filed under a bucket it looks in; a report that the
 * rule would place with an event outside those buckets would silently start a second event. Checked
 * against the rule itself, over places of every level, near one another, across the antimeridian and by
 * the poles.
 */
class PlaceKeysTest {

    private static final EventType[] TYPES = {EventType.AIR_STRIKE, EventType.SHELLING, EventType.DISASTER,
            EventType.CASUALTY_REPORT, EventType.PROTEST};
    private static final String[] TOWNS = {"Ostrivka", "Myrne Pole", "Sosnove", "Ostrivka", "Lisova Hora"};
    private static final String[] REGIONS = {"Dolyna Oblast", "Dolyna region", "Stepova Oblast", "Pivnichna Oblast"};
    private static final String[] COUNTRIES = {"UA", "ua", "FD", null};
    /** Centres of clusters: a plain, the antimeridian, close to the north pole, the south pole itself. */
    private static final double[][] CENTRES = {{48.5, 35.0}, {-16.8, 179.9}, {89.7, 20.0}, {-90.0, 0.0}};

    private final MergeRule rule = MergeRule.DEFAULT;
    private final PlaceKeys keys = new PlaceKeys(rule.maxDistanceKm());

    @Test
    void everyEventTheRulePlacesWithAReportIsInABucketTheReportLooksIn() {
        Random random = new Random(42);
        List<MergeRule.Report> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            events.add(report(random));
        }
        int placedTogether = 0;
        for (int i = 0; i < 600; i++) {
            MergeRule.Report report = report(random);
            Set<String> sought = new HashSet<>(keys.sought(report.type(), report.location()));
            for (MergeRule.Report event : events) {
                if (rule.match(report, event).same()) {
                    placedTogether++;
                    boolean found = keys.filed(event.type(), event.location()).stream().anyMatch(sought::contains);
                    assertTrue(found, () -> "a report at " + report.location() + " would not meet " + event.location());
                }
            }
        }
        // The places are close enough that many pairs are one place: the check above is not vacuous.
        assertTrue(placedTogether > 1000, "only " + placedTogether + " pairs placed together");
    }

    @Test
    void aTownReportLooksOnlyInTheCellsAroundItNotAtTownsFarAway() {
        EventLocation ostrivka = town("Ostrivka", 48.50, 35.00);
        EventLocation neighbour = town("Myrne Pole", 48.60, 35.25);
        EventLocation farAway = town("Sosnove", 49.50, 35.00);
        Set<String> sought = new HashSet<>(keys.sought(EventType.AIR_STRIKE, ostrivka));
        assertTrue(keys.filed(EventType.AIR_STRIKE, neighbour).stream().anyMatch(sought::contains));
        assertFalse(keys.filed(EventType.AIR_STRIKE, farAway).stream().anyMatch(sought::contains));
        assertTrue(sought.size() <= 20, "a town report looks in " + sought.size() + " buckets");
    }

    @Test
    void aReportPlacedAtACountryLooksAtTheCountrysEventsAndADisasterAlsoAtItsTownsAndRegions() {
        EventLocation country = new EventLocation("Freedonia", 34.5, 69.2, "FD", 9200000L, Place.COUNTRY, null);
        EventLocation town = new EventLocation("Upper Ridge", 34.9, 71.1, "FD", 9200001L, Place.EXACT, "Ridge Province");
        Set<String> strike = new HashSet<>(keys.sought(EventType.AIR_STRIKE, country));
        Set<String> quake = new HashSet<>(keys.sought(EventType.DISASTER, country));
        assertTrue(keys.filed(EventType.AIR_STRIKE, new EventLocation("Freedonia", null, null, "fd", null,
                Place.COUNTRY, null)).stream().anyMatch(strike::contains));
        assertFalse(keys.filed(EventType.AIR_STRIKE, town).stream().anyMatch(strike::contains));
        assertTrue(keys.filed(EventType.DISASTER, town).stream().anyMatch(quake::contains));
    }

    private static EventLocation town(String name, double lat, double lon) {
        return new EventLocation(name, lat, lon, "UA", null, Place.EXACT, "Dolyna Oblast");
    }

    private static MergeRule.Report report(Random random) {
        EventType type = TYPES[random.nextInt(TYPES.length)];
        return new MergeRule.Report(type, "2025-06-07", null, DatePrecision.DAY, place(random), List.of());
    }

    private static EventLocation place(Random random) {
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        Long id = random.nextInt(8) == 0 ? 9300000L + random.nextInt(3) : null;
        String region = random.nextBoolean() ? REGIONS[random.nextInt(REGIONS.length)] : null;
        switch (random.nextInt(6)) {
            case 0 -> {
                return new EventLocation(REGIONS[random.nextInt(REGIONS.length)], null, null, country, id,
                        Place.REGION, region);
            }
            case 1 -> {
                return new EventLocation("Freedonia", null, null, country, id, Place.COUNTRY, null);
            }
            case 2 -> {
                // A town the gazetteer could not place: compared by its name.
                return new EventLocation(TOWNS[random.nextInt(TOWNS.length)], null, null, country, id,
                        random.nextBoolean() ? Place.EXACT : null, region);
            }
            default -> {
                double[] centre = CENTRES[random.nextInt(CENTRES.length)];
                double lat = Math.max(-90, Math.min(90, centre[0] + (random.nextDouble() - 0.5) * 0.8));
                double lon = centre[1] + (random.nextDouble() - 0.5) * 1.6;
                lon = lon > 180 ? lon - 360 : lon;
                return new EventLocation(TOWNS[random.nextInt(TOWNS.length)], lat, lon, country, id,
                        random.nextBoolean() ? Place.EXACT : Place.NEAR, region);
            }
        }
    }
}
