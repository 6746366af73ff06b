package io.newsline.nlp.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quality figures last recorded in docs/nlp.md: the {@code name=value} lines inside its fenced
 * blocks, so that a guard test fails when a change quietly loses quality.
 */
final class RecordedFigures {

    private static final Pattern FIGURE = Pattern.compile("^([a-z][a-z0-9_]*)=(\\d+(?:\\.\\d+)?)$");

    private RecordedFigures() {}

    static double figure(String name) throws IOException {
        Path doc = Path.of(System.getProperty("newsline.nlp-doc", "../docs/nlp.md"));
        boolean fenced = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = FIGURE.matcher(line.strip());
            if (fenced && m.matches() && m.group(1).equals(name)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new IllegalStateException(doc + " records no figure " + name + " (a line " + name + "=… in a fenced block)");
    }
}
