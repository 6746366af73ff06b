package io.newsline.nlp.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quality figures last recorded in {@code docs/nlp.md}: the one fenced block whose every line is
 * {@code name=value} ({@code event_recall=0.88}). Guards compare what the build measures against them,
 * so that no change quietly loses quality; a change that gains some records the new figures there.
 */
public final class RecordedFigures {

    private static final Pattern FENCE = Pattern.compile("(?m)^```[^\\n]*\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("([a-z][a-z0-9_]*)=([0-9]+(?:\\.[0-9]+)?)");

    private RecordedFigures() {}

    /** The nlp docs as tests see them from the module folder (override with {@code -Dnewsline.nlp-doc}). */
    public static Path doc() {
        return Path.of(System.getProperty("newsline.nlp-doc", "../docs/nlp.md"));
    }

    /** The figures of the doc's name=value block; empty when it has none. */
    public static Map<String, Double> read(Path doc) throws IOException {
        Matcher block = FENCE.matcher(Files.readString(doc));
        while (block.find()) {
            Map<String, Double> figures = parse(block.group(1));
            if (!figures.isEmpty()) {
                return figures;
            }
        }
        return Map.of();
    }

    /** The figures of a block, or none when any of its lines is not {@code name=value}. */
    static Map<String, Double> parse(String block) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String line : List.of(block.split("\n"))) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                return Map.of();
            }
            figures.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return figures;
    }
}
