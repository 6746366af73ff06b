package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventSignature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compares what two reports say tells their happening apart: the target, the weapon and the district
 * (the time is {@link HappeningTime}'s). A field only one report gives, or that neither names in a way
 * the word lists know, is no evidence either way: a report with less detail can join the one it fits.
 */
final class SignatureRule {

    private static final TermKinds TARGETS = TermKinds.load("target-kinds.txt");
    private static final TermKinds WEAPONS = TermKinds.load("weapon-kinds.txt");
    /** Words that say a name is a district rather than which one; and words for a city's centre, which is no district name. */
    private static final Pattern DISTRICT_WORDS = Pattern.compile(
            "\\b(district|raion|rayon|neighbourhood|neighborhood|microdistrict|quarter|borough|раион|мікрораион|микрораион"
                    + "|centre|center|central|downtown|city|центр|центральнии|центральныи)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * Adjective endings that vary with transliteration: "Kyivskyi", "Kievsky", "Київський" name one district
     * (names are compared accent-free, so "ий" reads "ии").
     */
    private static final Pattern ADJECTIVE_ENDING = Pattern.compile("(yi|yy|iy|ij|ii|yj|oy|oi|y|i|a|e|ии|іи|ои|ыи|а|е|я)$");

    /** District names already reduced to their stems: every pair the merge rule compares reads them again. */
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final int STEM_CACHE_SIZE = 20_000;

    enum Verdict { AGREE, UNKNOWN, CONFLICT }

    /** How two reports' signatures compare, field by field, with the words that explain it. */
    record Comparison(Verdict target, Verdict weapon, Verdict district, List<String> notes) {

        /**
         * Different targets or districts are different happenings. Different kinds of weapon are too, unless
         * the reports agree on the target or on the time: early reports often call a guided bomb a missile or
         * a missile shelling, while the thing that was hit and the hour are named reliably.
         */
        boolean apart(boolean timesAgree) {
            return target == Verdict.CONFLICT || district == Verdict.CONFLICT
                    || weapon == Verdict.CONFLICT && target != Verdict.AGREE && !timesAgree;
        }

        int agreements() {
            return (target == Verdict.AGREE ? 1 : 0) + (weapon == Verdict.AGREE ? 1 : 0)
                    + (district == Verdict.AGREE ? 1 : 0);
        }
    }

    /**
     * Two reports compared through every pair of their sources' signatures. Any two targets or districts
     * that differ keep them apart. The weapon is different: once an event holds sources that name different
     * kinds of weapon (joined on their target), it has no one weapon, so a report agreeing with any of them
     * fits it, and only a weapon of a kind none of them names is a conflict.
     *
     * @param timesAgree whether both reports give a time and the times agree, which outweighs a weapon conflict
     */
    static Comparison compare(List<EventSignature> a, List<EventSignature> b, boolean timesAgree) {
        Set<String> notes = new LinkedHashSet<>();
        Verdict target = Verdict.UNKNOWN;
        Verdict weapon = Verdict.UNKNOWN;
        Verdict district = Verdict.UNKNOWN;
        for (EventSignature x : a) {
            for (EventSignature y : b) {
                Comparison c = compare(x, y);
                notes.addAll(c.notes());
                target = strict(target, c.target());
                district = strict(district, c.district());
                weapon = weapon == Verdict.AGREE || c.weapon() == Verdict.AGREE ? Verdict.AGREE
                        : weapon == Verdict.CONFLICT || c.weapon() == Verdict.CONFLICT ? Verdict.CONFLICT : Verdict.UNKNOWN;
            }
        }
        List<String> why = new ArrayList<>(notes);
        if (weapon == Verdict.AGREE) {
            why.removeIf(n -> n.startsWith("weapon ") && n.contains(" ≠ "));
        } else if (weapon == Verdict.CONFLICT) {
            String outweighed = target == Verdict.AGREE ? ", one target: an outlet's word for the weapon"
                    : timesAgree ? ", one time: an outlet's word for the weapon" : "";
            why.replaceAll(n -> n.startsWith("weapon ") ? n + outweighed : n);
        }
        return new Comparison(target, weapon, district, why);
    }

    /** Any conflict wins, then any agreement. */
    private static Verdict strict(Verdict so, Verdict pair) {
        if (so == Verdict.CONFLICT || pair == Verdict.CONFLICT) {
            return Verdict.CONFLICT;
        }
        return so == Verdict.AGREE || pair == Verdict.AGREE ? Verdict.AGREE : Verdict.UNKNOWN;
    }

    static Comparison compare(EventSignature a, EventSignature b) {
        List<String> notes = new ArrayList<>();
        if (a == null || b == null) {
            return new Comparison(Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN, notes);
        }
        Verdict target = kinds(TARGETS, a.target(), b.target(), "target", notes);
        Verdict weapon = kinds(WEAPONS, a.weapon(), b.weapon(), "weapon", notes);
        Verdict district = district(a.district(), b.district(), notes);
        return new Comparison(target, weapon, district, notes);
    }

    private static Verdict kinds(TermKinds list, String a, String b, String field, List<String> notes) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return Verdict.UNKNOWN;
        }
        TermKinds.Named x = list.read(a);
        TermKinds.Named y = list.read(b);
        if (!x.kinds().isEmpty() && !y.kinds().isEmpty()) {
            Set<String> common = new HashSet<>(x.kinds());
            common.retainAll(y.kinds());
            if (common.isEmpty()) {
                notes.add(field + " " + a + " ≠ " + b);
                return Verdict.CONFLICT;
            }
            notes.add(field + " " + same(a, b) + " (" + String.join(", ", common) + ")");
            return Verdict.AGREE;
        }
        if (x.unlisted() != null && x.unlisted().equals(y.unlisted())) {
            notes.add(field + " " + same(a, b));
            return Verdict.AGREE;
        }
        return Verdict.UNKNOWN;
    }

    /**
     * The signature without a district named after the town itself: "the Kharkiv district" of a strike on
     * Kharkiv is the rural district (raion) around the city, named after it as raions are, not a part of the
     * city, so it tells nothing of where in the city the strike fell.
     */
    static EventSignature withoutTownsDistrict(EventSignature s, String town) {
        if (s == null || s.district() == null || town == null) {
            return s;
        }
        String district = districtStem(s.district());
        String own = districtStem(town);
        boolean named = !own.isEmpty() && district.startsWith(own) && district.length() - own.length() <= 2;
        return named ? s.withDistrict(null) : s;
    }

    private static Verdict district(String a, String b, List<String> notes) {
        String x = districtStem(a);
        String y = districtStem(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        if (levenshtein(x, y) <= Math.max(1, Math.min(x.length(), y.length()) / 3)) {
            notes.add("district " + same(a, b));
            return Verdict.AGREE;
        }
        notes.add("district " + a + " ≠ " + b);
        return Verdict.CONFLICT;
    }

    private static String same(String a, String b) {
        return a.equalsIgnoreCase(b) ? a : a + " ~ " + b;
    }

    /** A district's name without the words around it and its adjective ending; empty when it names none. */
    static String districtStem(String name) {
        if (name == null) {
            return "";
        }
        String known = STEMS.get(name);
        if (known != null) {
            return known;
        }
        if (STEMS.size() >= STEM_CACHE_SIZE) {
            STEMS.clear();
        }
        String stem = stemOf(name);
        STEMS.put(name, stem);
        return stem;
    }

    private static String stemOf(String name) {
        String words = DISTRICT_WORDS.matcher(PlaceNames.normalize(name)).replaceAll(" ").trim();
        if (words.isEmpty()) {
            return "";
        }
        StringBuilder stem = new StringBuilder();
        for (String w : words.split("\\s+")) {
            stem.append(ADJECTIVE_ENDING.matcher(w).replaceFirst(""));
        }
        return stem.toString();
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private SignatureRule() {}
}
