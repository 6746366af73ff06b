package io.newsline.localkafka;

import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Where the fault and abuse tests leave what they tried and what happened (cases, articles
 * acknowledged, delivered, duplicated): one JSON file per test under {@code target/reliability/},
 * which docs/reliability.md quotes, and one log line.
 */
public final class ReliabilityFigures {

    private static final Logger LOG = Logger.getLogger(ReliabilityFigures.class.getName());

    /** Writes {@code target/reliability/<name>.json} of the module under test and logs the figures. */
    public static Path write(String name, Map<String, ?> figures) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("test", name);
        doc.put("finishedAt", Instant.now().toString());
        doc.putAll(figures);
        Path file = Path.of("target", "reliability", name + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        LOG.info(() -> "reliability figures of " + name + ": " + figures);
        return file;
    }

    private ReliabilityFigures() {}
}
