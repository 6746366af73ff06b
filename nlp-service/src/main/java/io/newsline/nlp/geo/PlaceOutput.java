package io.newsline.nlp.geo;

import io.newsline.contracts.model.Mention;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.NameMention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The resolved groups as the contract's places: groups that chose the same entry in the same sense are one place. */
final class PlaceOutput {

    private PlaceOutput() {}

    static List<Place> places(List<PlaceGroup> groups) {
        Map<String, List<PlaceGroup>> merged = new LinkedHashMap<>();
        for (PlaceGroup g : groups) {
            String key;
            if (g.choice != null && !g.facility) {
                key = "id:" + g.choice.geonameId() + ":" + precisionOf(g);
            } else {
                key = "name:" + NameKey.fold(g.facility ? g.displayName : g.candidates.bareName())
                        + (g.candidates.regionPhrase() ? ":region" : "");
            }
            merged.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        List<Place> places = new ArrayList<>();
        for (List<PlaceGroup> same : merged.values()) {
            places.add(place(same));
        }
        return places;
    }

    /**
     * GeoNames' name, without the diacritics of a romanisation when the article writes it so: English news writes
     * "Thane" and "Chandpur", not "Thāne" and "Chāndpur"; an article that keeps the accent ("Quilpué") keeps it.
     */
    static String shownName(GazetteerEntry e, Collection<String> surfaces) {
        String plain = NameKey.toAscii(e.name());
        if (plain.equals(e.name())) {
            return e.name();
        }
        for (String s : surfaces) {
            if (s.equalsIgnoreCase(plain)) {
                return plain;
            }
        }
        return e.name();
    }

    private static Place place(List<PlaceGroup> same) {
        PlaceGroup g = same.get(0);
        LinkedHashSet<String> surfaces = new LinkedHashSet<>();
        List<NameMention> mentions = new ArrayList<>();
        double confidence = 0;
        for (PlaceGroup s : same) {
            surfaces.addAll(s.surfaces);
            mentions.addAll(s.mentions);
            confidence = Math.max(confidence, s.confidence);
        }
        mentions.sort(Comparator.comparing((NameMention m) -> Mention.TITLE.equals(m.field()) ? 0 : 1)
                .thenComparingInt(NameMention::start));
        List<Mention> out = mentions.stream().map(m -> new Mention(m.field(), m.start(), m.end())).toList();
        double conf = Math.round(confidence * 100) / 100.0;
        GazetteerEntry e = g.choice;
        if (e != null && g.facility) {
            // "the X power station": at the town it is named after, which it is not
            return new Place(g.displayName, List.copyOf(surfaces), e.lat(), e.lon(), e.countryCode(),
                    e.isCountry() ? null : e.admin1Name(), null, null, Place.NEAR, Math.min(conf, 0.5), out);
        }
        if (e != null) {
            String name = g.candidates.regionPhrase() || g.axisWord != null ? g.displayName : shownName(e, surfaces);
            return new Place(name, List.copyOf(surfaces), e.lat(), e.lon(), e.countryCode(),
                    e.isCountry() ? null : e.admin1Name(), e.geonameId() > 0 ? e.geonameId() : null,
                    e.featureCode(), precisionOf(g), conf, out);
        }
        if (g.near != null) {
            return new Place(g.displayName, List.copyOf(surfaces), g.near.lat(), g.near.lon(),
                    g.near.countryCode(), g.near.admin1Name(), null, null, Place.NEAR, conf, out);
        }
        return new Place(g.displayName, List.copyOf(surfaces), null, null, g.knownCountry, g.knownAdmin1,
                null, null, null, conf, out);
    }

    private static String precisionOf(PlaceGroup g) {
        GazetteerEntry e = g.choice;
        if (e.isCountry()) {
            return Place.COUNTRY;
        }
        if (e.isRegion() || g.axisWord != null) {
            return Place.REGION;
        }
        if (g.candidates.regionPhrase()) {
            return Place.REGION;     // "the Kupiansk district": the area around the town
        }
        return Place.EXACT;
    }
}
