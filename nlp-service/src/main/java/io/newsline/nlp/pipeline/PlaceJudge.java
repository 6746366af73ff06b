package io.newsline.nlp.pipeline;

import io.newsline.nlp.geo.Gazetteer;
import io.newsline.nlp.geo.GazetteerEntry;
import java.util.HashMap;
import java.util.Map;

/**
 * The gazetteer's answers the name rules ask for, cached for one article: is this word or phrase
 * spelled like a place, like a well-known place, like a nationality. The rules decide what to make
 * of the answer in their sentence.
 */
final class PlaceJudge {

    /** Places safe to take for a place wherever they are capitalised. */
    static final long BIG_CITY = 100_000;
    /** A town this size is a place even where the recogniser took its name for a person's. */
    static final long SIZEABLE_TOWN = 20_000;

    private final Gazetteer gazetteer;
    private final boolean gazetteerHasDemonyms;
    private final Map<String, Boolean> placeCache = new HashMap<>();
    private final Map<String, Boolean> wellKnownCache = new HashMap<>();

    PlaceJudge(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.gazetteerHasDemonyms = gazetteer.demonymCountry("French").isPresent();
    }

    /** Spelled like a place the gazetteer has (any size), and no function word. */
    boolean isPlace(String name) {
        return placeCache.computeIfAbsent(name, w -> !Lexicon.isFunctionWord(w) && gazetteer.isPlaceName(w));
    }

    /** A country, a first-level region under its own name, an overlay entry or a city of 100,000 or more. */
    boolean isWellKnownPlace(String name) {
        return wellKnownCache.computeIfAbsent(name, this::wellKnown);
    }

    private boolean wellKnown(String name) {
        if (Lexicon.isFunctionWord(name) || isDemonym(name)) {
            return false;
        }
        for (GazetteerEntry e : gazetteer.lookup(name)) {
            boolean fullName = e.name().equalsIgnoreCase(name);
            if (e.isCountry() || (fullName && e.isRegion() && !e.isDistrict()) || e.isOverlay()
                    || (fullName && e.population() >= BIG_CITY)) {
                return true;
            }
        }
        return false;
    }

    /** A place of at least this many people (regions and countries count theirs) under exactly this spelling. */
    boolean isPlaceOfAtLeast(String name, long population) {
        return !Lexicon.isFunctionWord(name) && gazetteer.isPlaceName(name, population);
    }

    boolean isDemonym(String word) {
        if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        if (gazetteer.demonymCountry(word).isPresent()) {
            return true;
        }
        // Without demonyms in the gazetteer (an empty one in tests), fall back on the word's form.
        return !gazetteerHasDemonyms && Lexicon.looksLikeDemonym(word);
    }
}
