package io.newsline.nlp.geo;

import io.newsline.contracts.model.Mention;
import io.newsline.nlp.domain.NameMention;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a place the gazetteer cannot settle goes: {@code near} the place the text ties it to ("X near
 * Y", and "Y, close to X" the other way round), near the town its compound name starts with
 * ("Kupiansk-Vuzlovyi" beside Kupiansk), a part of a town near that town; otherwise without coordinates,
 * keeping the country or region the text gave it.
 */
final class NearPlacement {

    /** Names of a part of a town: "the Saltivskyi district", "Podil neighbourhood". */
    private static final Pattern TOWN_PART = Pattern.compile("(?i)\\s(?:district|neighbourhood|neighborhood|quarter|suburb"
            + "|microdistrict|borough)$");
    private static final Pattern BUILDING = Pattern.compile("\\p{Lu}[\\p{L}'’-]*\\s+(?:Building|Tower|Towers|Plaza|Mansion|Apartments|Arcade)$");
    /** Between a part of a town and the town: "the Saltivskyi district of Kharkiv", "… of the city of Kharkiv". */
    private static final Pattern PART_OF = Pattern.compile("(?i)^\\s+(?:of|in)\\s+(?:the\\s+)?(?:city\\s+of\\s+)?$");

    private final Gazetteer gazetteer;

    NearPlacement(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A named building: "the Harbour View Building", "Marlow Tower" (capitalised heads; "the tax building" is none). */
    static boolean isBuilding(String name) {
        return BUILDING.matcher(name).find();
    }

    static boolean isTownPart(String name) {
        return TOWN_PART.matcher(name).find();
    }

    static boolean isPartOf(String between) {
        return PART_OF.matcher(between).matches();
    }

    void place(PlaceGroup g, ArticleContext doc, List<PlaceGroup> groups) {
        if (g.choice != null) {
            return;
        }
        PlaceGroup tiedGroup = g.tie();
        GazetteerEntry tied = tiedGroup == null ? null : tiedGroup.choice;
        if (tied != null && (tied.isPopulatedPlace() || g.tieCue.explicit() && tied.isRegion() && tied.admin1Code().isEmpty())) {
            g.near = tied;
            g.confidence = 0.5;
            return;
        }
        GazetteerEntry stem = hyphenStem(g, doc, groups);
        if (stem != null && (tied == null || Geocoder.tieAgrees(stem, tied))) {
            g.near = stem;
            g.confidence = 0.45;
            return;
        }
        GazetteerEntry neighbour = tiedToThis(g, groups);
        if (neighbour != null && (tied == null || Geocoder.tieAgrees(neighbour, tied))) {
            g.near = neighbour;     // "Y, close to X": X lies close to Y as well
            g.confidence = 0.45;
            return;
        }
        GazetteerEntry city = tied == null && (isTownPart(g.displayName) || isBuilding(g.displayName)) ? mainCity(groups) : null;
        if (city != null) {
            // "the Saltivskyi district" or "the Harbour View Building" in an article about Kharkiv: a part of the town
            // the article is about
            g.near = city;
            g.confidence = 0.45;
            return;
        }
        if (tied != null) {
            // tied to an admin1 region or a country: that much is known, not where in it
            g.knownCountry = tied.countryCode();
            g.knownAdmin1 = tied.isRegion() ? tied.admin1Name() : null;
        }
        g.confidence = 0.3;
    }

    /** "Kupyansk-Uzlovoy": the town a hyphenated name starts with, when the article's places make it the one meant. */
    private GazetteerEntry hyphenStem(PlaceGroup g, ArticleContext doc, List<PlaceGroup> groups) {
        int hyphen = g.displayName.indexOf('-');
        if (hyphen <= 2 || g.facility) {
            return null;
        }
        List<Gazetteer.Match> matches = gazetteer.candidates(g.displayName.substring(0, hyphen)).matches();
        for (PlaceGroup o : groups) {
            if (o.choice != null && o.choice.isPopulatedPlace()
                    && matches.stream().anyMatch(m -> m.entry().geonameId() == o.choice.geonameId())) {
                return o.choice;
            }
        }
        for (Gazetteer.Match m : matches) {
            GazetteerEntry e = m.entry();
            if (!m.variant() && e.isPopulatedPlace() && doc.countryWeight(e.countryCode()) > 0
                    && (e.population() >= Geocoder.PROMINENT_POPULATION
                    || doc.regions.contains(e.countryCode() + "." + e.admin1Code()))) {
                return e;
            }
        }
        return null;
    }

    /** A settled town the text says lies close to this place ("the town of Y, close to X"). */
    private static GazetteerEntry tiedToThis(PlaceGroup g, List<PlaceGroup> groups) {
        for (PlaceGroup o : groups) {
            if (o != g && o.rawTie() == g && o.tieCue.proximity() && o.choice != null && o.choice.isPopulatedPlace()
                    && !o.facility) {
                return o.choice;
            }
        }
        return null;
    }

    /**
     * The town the article is about: the settled town named most often (a headline mention counts three,
     * a dateline none), when no other town is named as often; null otherwise.
     */
    private static GazetteerEntry mainCity(List<PlaceGroup> groups) {
        Map<Long, Double> weight = new HashMap<>();
        Map<Long, GazetteerEntry> towns = new HashMap<>();
        for (PlaceGroup o : groups) {
            if (o.choice == null || !o.choice.isPopulatedPlace() || o.candidates.regionPhrase() || o.datelineOnly
                    || o.facility) {
                continue;
            }
            double w = 0;
            for (NameMention m : o.mentions) {
                w += Mention.TITLE.equals(m.field()) ? 3 : 1;
            }
            weight.merge(o.choice.geonameId(), w, Double::sum);
            towns.put(o.choice.geonameId(), o.choice);
        }
        GazetteerEntry best = null;
        double top = 0;
        boolean shared = false;
        for (Map.Entry<Long, Double> e : weight.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                best = towns.get(e.getKey());
                shared = false;
            } else if (e.getValue() == top) {
                shared = true;
            }
        }
        return shared ? null : best;
    }
}
