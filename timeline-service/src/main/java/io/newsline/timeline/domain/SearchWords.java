package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.TimelineEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words {@code q} searches: an event's title, subtype, place (name, region, country), entities, and each
 * source's headline and evidence sentence, read as {@link PlaceNames#normalize} reads place names (lower case,
 * accents and apostrophes dropped, in any script, so "Харків" finds "ХАРКІВ" and "Kyiv's" finds "kyivs"). The
 * index stores these words and the live stream matches with the same ones, so both answer alike.
 */
public final class SearchWords {

    /** A word of a query ending in {@code *} finds every word it begins; shorter prefixes would find too much. */
    static final int MIN_PREFIX = 2;

    private SearchWords() {}

    /** The distinct words of an event. */
    public static Set<String> of(TimelineEvent e) {
        Set<String> words = new LinkedHashSet<>();
        add(words, e.title());
        add(words, e.subtype());
        if (e.location() != null) {
            add(words, e.location().name());
            add(words, e.location().admin1());
            add(words, e.location().countryCode());
        }
        if (e.entities() != null) {
            e.entities().forEach(name -> add(words, name));
        }
        if (e.sources() != null) {
            for (EventSource s : e.sources()) {
                add(words, s.title());
                add(words, s.evidence());
            }
        }
        return words;
    }

    /** The words of a query as {@code q} gives them; a word ending in {@code *} keeps it (a prefix). */
    public static List<String> query(String q) {
        List<String> out = new ArrayList<>();
        for (String raw : q.trim().split("\\s+")) {
            boolean prefix = raw.endsWith("*");
            for (String w : split(raw)) {
                out.add(w);
            }
            if (prefix && !out.isEmpty() && out.get(out.size() - 1).length() >= MIN_PREFIX) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "*");
            }
        }
        return out;
    }

    /** Whether every word of the query is among the event's words (a prefix: begins one of them). */
    static boolean matches(Set<String> eventWords, List<String> query) {
        for (String w : query) {
            if (w.endsWith("*")) {
                String stem = w.substring(0, w.length() - 1);
                if (eventWords.stream().noneMatch(x -> x.startsWith(stem))) {
                    return false;
                }
            } else if (!eventWords.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static void add(Set<String> words, String text) {
        if (text != null) {
            words.addAll(split(text));
        }
    }

    private static List<String> split(String text) {
        String n = PlaceNames.normalize(text);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }
}
