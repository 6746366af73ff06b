package io.newsline.nlp.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** A language's word lists ({@code lang/<language>-events.properties}): lemma sets and lemma-to-value maps. */
public final class LexiconFile {

    private final String name;
    private final Properties values;

    private LexiconFile(String name, Properties values) {
        this.name = name;
        this.values = values;
    }

    public static LexiconFile read(String resource) {
        try (InputStream in = LexiconFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new LexiconFile(resource, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The lines of a tab-separated resource, without comments and blank lines, each split at tabs. */
    public static List<String[]> rows(String resource) {
        try (InputStream in = LexiconFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A comma-separated list of words, in lower case. */
    public Set<String> words(String key) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : values.getProperty(key, "").split(",")) {
            if (!w.isBlank()) {
                out.add(Morphology.normalisedApostrophes(w.strip().toLowerCase(Locale.ROOT)));
            }
        }
        return Set.copyOf(out);
    }

    /** A comma-separated list of {@code word:number}. */
    public Map<String, Integer> numbers(String key) {
        Map<String, Integer> out = new HashMap<>();
        for (String w : words(key)) {
            int colon = w.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(name + ": '" + w + "' in " + key + " has no ':value'");
            }
            out.put(w.substring(0, colon), Integer.parseInt(w.substring(colon + 1)));
        }
        return Map.copyOf(out);
    }

    /** The values as written (case kept), for tag pieces. */
    public List<String> pieces(String key) {
        List<String> out = new ArrayList<>();
        for (String w : values.getProperty(key, "").split(",")) {
            if (!w.isBlank()) {
                out.add(w.strip());
            }
        }
        return List.copyOf(out);
    }
}
