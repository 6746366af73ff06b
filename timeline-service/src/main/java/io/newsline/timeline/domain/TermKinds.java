package io.newsline.timeline.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A word list that sorts the ways outlets name a thing into kinds ({@code target-kinds.txt},
 * {@code weapon-kinds.txt} beside this class): "hardware store" and "hypermarket" are both a shop.
 * Lines are {@code kind: term, term, …}; a line ending in a backslash goes on; {@code #} starts a comment.
 * The kind {@code generic} marks terms that say nothing about which one it was.
 */
final class TermKinds {

    static final String GENERIC = "generic";

    /** Phrases already read: the merge rule reads the same few targets and weapons for every pair it compares. */
    private static final int READ_CACHE_SIZE = 20_000;

    private final Map<String, String> kindByTerm = new HashMap<>();
    private final Map<String, Named> readings = new ConcurrentHashMap<>();
    private int longestTerm;

    static TermKinds load(String resource) {
        try (InputStream in = TermKinds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list " + resource + " is missing");
            }
            TermKinds kinds = new TermKinds();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder entry = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (text.startsWith("#")) {
                    continue;
                }
                if (text.endsWith("\\")) {
                    entry.append(text, 0, text.length() - 1).append(' ');
                    continue;
                }
                entry.append(text);
                kinds.add(entry.toString());
                entry.setLength(0);
            }
            kinds.add(entry.toString());
            return kinds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String entry) {
        int colon = entry.indexOf(':');
        if (entry.isBlank() || colon < 0) {
            return;
        }
        String kind = entry.substring(0, colon).strip();
        for (String term : entry.substring(colon + 1).split(",")) {
            String key = PlaceNames.normalize(term);
            if (!key.isEmpty()) {
                // A term under two kinds ("rocket") stands for both.
                kindByTerm.merge(key, kind, (a, b) -> a + "," + b);
                longestTerm = Math.max(longestTerm, key.split(" ").length);
            }
        }
    }

    /**
     * What a phrase names: its kinds, or, when none of its words is listed, its last word (a thing the list
     * does not know, which only agrees with the same word).
     */
    record Named(Set<String> kinds, String unlisted) {}

    /**
     * Reads a phrase: each run of its words that is a listed term, the longest first ("printing house"
     * before "house"), gives its kinds; generic terms give none.
     */
    Named read(String phrase) {
        Named known = readings.get(phrase);
        if (known != null) {
            return known;
        }
        if (readings.size() >= READ_CACHE_SIZE) {
            readings.clear();
        }
        Named named = readNew(phrase);
        readings.put(phrase, named);
        return named;
    }

    private Named readNew(String phrase) {
        Set<String> kinds = new LinkedHashSet<>();
        String[] words = PlaceNames.normalize(phrase).split(" ");
        boolean listed = false;
        for (int i = 0; i < words.length; ) {
            int matched = 0;
            for (int n = Math.min(longestTerm, words.length - i); n > 0 && matched == 0; n--) {
                String kind = kindByTerm.get(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
                if (kind != null) {
                    matched = n;
                    listed = true;
                    for (String k : kind.split(",")) {
                        if (!GENERIC.equals(k)) {
                            kinds.add(k);
                        }
                    }
                }
            }
            i += Math.max(1, matched);
        }
        String last = words[words.length - 1];
        return new Named(Collections.unmodifiableSet(kinds), listed || last.isEmpty() ? null : last);
    }
}
