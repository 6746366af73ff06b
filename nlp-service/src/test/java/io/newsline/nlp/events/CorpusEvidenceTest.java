package io.newsline.nlp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.time.TemporalResolver;
import io.newsline.nlp.time.TimeExpression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the gold events' evidence sentences of the shared corpus (when it is there) with the
 * article's publication time, and checks the date and the tolls read from each sentence alone
 * against what the analyst wrote down.
 */
class CorpusEvidenceTest {

    private final ObjectMapper json = new ObjectMapper();
    private final TemporalResolver temporal = new TemporalResolver();
    private final CasualtyParser casualties = new CasualtyParser();

    @Test
    void evidenceSentencesResolveToTheGoldDates() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (GoldEvent g : goldEvents()) {
            List<TimeExpression> found = temporal.find(g.evidence, g.published);
            String date = found.isEmpty() ? g.published.toLocalDate().toString() : found.get(0).date().toString();
            String expected = g.node.path("date").asText();
            boolean month = "month".equals(g.node.path("datePrecision").asText());
            if (month ? !date.startsWith(expected.substring(0, 7)) : !date.equals(expected)) {
                wrong.add(g.article + ": " + date + " != " + expected + " in: " + g.evidence);
            }
            if (g.node.hasNonNull("dateEnd") && !found.isEmpty()) {
                assertEquals(g.node.get("dateEnd").asText(), String.valueOf(found.get(0).dateEnd()), g.evidence);
            }
            checked++;
        }
        assertTrue(checked > 0);
        assertEquals(List.of(), wrong);
    }

    @Test
    void tollsReadFromEvidenceSentencesMatchTheGold() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (GoldEvent g : goldEvents()) {
            Casualties c = casualties.parse(g.evidence);
            check(wrong, g, "killed", c.killed());
            check(wrong, g, "injured", c.injured());
            check(wrong, g, "casualties", c.casualties());
        }
        assertEquals(List.of(), wrong);
    }

    /** A count read from the sentence must be the gold one; the gold may hold counts from other sentences. */
    private static void check(List<String> wrong, GoldEvent g, String field, Integer read) {
        if (read == null) {
            return;
        }
        JsonNode gold = g.node.get(field);
        if (gold == null || gold.isNull() || gold.asInt() != read) {
            wrong.add(g.article + ": " + field + " " + read + " != " + gold + " in: " + g.evidence);
        }
    }

    private record GoldEvent(String article, OffsetDateTime published, String evidence, JsonNode node) {}

    private List<GoldEvent> goldEvents() throws IOException {
        Path corpus = Path.of(System.getProperty("newsline.corpus", "../../shared/corpus"));
        assumeTrue(Files.isDirectory(corpus.resolve("gold")), "corpus not present at " + corpus);
        List<GoldEvent> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("gold"))) {
            for (Path gold : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Path articleFile = corpus.resolve("articles").resolve(gold.getFileName());
                if (!Files.exists(articleFile)) {
                    continue;
                }
                JsonNode article = json.readTree(articleFile.toFile());
                OffsetDateTime published = OffsetDateTime.parse(article.path("publishedAt").asText());
                JsonNode root = json.readTree(gold.toFile());
                JsonNode events = root.has("gold") ? root.get("gold").path("events") : root.path("events");
                for (JsonNode e : events) {
                    if (e.hasNonNull("evidence") && e.hasNonNull("date")) {
                        out.add(new GoldEvent(gold.getFileName().toString(), published, e.get("evidence").asText(), e));
                    }
                }
            }
        }
        return out;
    }
}
