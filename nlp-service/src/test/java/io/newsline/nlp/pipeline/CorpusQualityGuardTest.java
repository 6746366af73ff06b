package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.Article;
import io.newsline.nlp.events.CasualtyParser;
import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.quality.EnrichmentScorer;
import io.newsline.nlp.quality.RecordedFigures;
import io.newsline.nlp.time.TemporalResolver;
import io.newsline.nlp.time.TimeExpression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The regression guard: the whole enrichment over {@code ../shared/corpus}, {@code ../shared/corpus-uk} (each
 * skipped when it is absent) and Newsline's own articles in {@code tools/own-corpus},
 * scored as {@code eval_enrichment.py} scores it, must reach every figure last recorded in
 * {@code docs/nlp.md}. Besides the scorer's seven figures it checks each gold event's evidence sentence
 * alone: the date its first time expression resolves to ({@code evidence_dates}) and the tolls read
 * from it ({@code evidence_tolls}, the share that agree with the gold).
 */
class CorpusQualityGuardTest {

    private final TemporalResolver temporal = new TemporalResolver();
    private final CasualtyParser casualties = new CasualtyParser();

    @Test
    void noFigureFallsBelowTheOneRecorded(TestReporter reporter) throws IOException {
        guard("", Path.of(System.getProperty("newsline.corpus", "../../shared/corpus")), true, reporter);
    }

    /** The Ukrainian and Russian articles of {@code ../shared/corpus-uk}, figures recorded with the prefix uk_. */
    @Test
    void noUkrainianOrRussianFigureFalls(TestReporter reporter) throws IOException {
        guard("uk_", Path.of(System.getProperty("newsline.corpus-uk", "../../shared/corpus-uk")), false, reporter);
    }

    /** Newsline's own English articles ({@code tools/own-corpus}), figures recorded with the prefix own_. */
    @Test
    void noFigureOnOurOwnArticlesFalls(TestReporter reporter) throws IOException {
        guard("own_", Path.of("../tools/own-corpus"), false, reporter);
    }

    /**
     * Scores the corpus and compares each figure with the one recorded under the prefix; the evidence figures
     * read English sentences with the English readers, so only the shared English corpus has them.
     */
    private void guard(String prefix, Path corpus, boolean withEvidence, TestReporter reporter) throws IOException {
        assumeTrue(Files.isDirectory(corpus.resolve("gold")), "corpus not present at " + corpus);
        Map<String, Double> recorded = RecordedFigures.read(RecordedFigures.doc());
        assertFalse(recorded.isEmpty(), "docs/nlp.md records no figures");

        EnrichmentScorer scorer = new EnrichmentScorer();
        Evidence evidence = new Evidence();
        for (Path goldFile : goldFiles(corpus)) {
            Path articleFile = corpus.resolve("articles").resolve(goldFile.getFileName());
            if (!Files.exists(articleFile)) {
                continue;
            }
            Article article = Json.mapper().readValue(articleFile.toFile(), Article.class);
            JsonNode gold = Json.mapper().readTree(goldFile.toFile()).get("gold");
            JsonNode out = Json.mapper().valueToTree(Models.pipeline().enrich(article));
            scorer.add(article.id(), gold, out);
            if (withEvidence) {
                evidence.check(article, gold);
            }
        }
        Map<String, Double> measured = new LinkedHashMap<>();
        scorer.figures().forEach((name, value) -> measured.put(prefix + name, value));
        if (withEvidence) {
            measured.putAll(evidence.figures());
        }

        List<String> fallen = new ArrayList<>();
        measured.forEach((name, now) -> {
            Double floor = recorded.get(name);
            if (floor == null) {
                fallen.add(name + "=" + now + " (not recorded: add it to the block)");
            } else if (now < floor) {
                fallen.add(name + "=" + now + " (recorded " + floor + ")");
            }
        });
        StringBuilder report = new StringBuilder();
        measured.forEach((name, value) -> report.append(name).append('=').append(value).append('\n'));
        reporter.publishEntry(prefix + "figures", report.toString());
        scorer.differences().forEach((id, misses) -> {
            if (!misses.isEmpty()) {
                report.append(id).append(":\n  ").append(String.join("\n  ", misses)).append('\n');
            }
        });
        report.append(String.join("\n", evidence.wrong));
        assertTrue(fallen.isEmpty(), () -> "below the figures recorded in docs/nlp.md: " + fallen + "\n" + report);
    }

    /** What the evidence sentences alone give: the gold date and the gold tolls. */
    private final class Evidence {
        int dates;
        int datesRight;
        int tolls;
        int tollsRight;
        final List<String> wrong = new ArrayList<>();

        void check(Article article, JsonNode gold) {
            OffsetDateTime published = EnrichmentPipeline.published(article);
            for (JsonNode e : gold.path("events")) {
                if (!e.hasNonNull("evidence") || !e.hasNonNull("date")) {
                    continue;
                }
                String sentence = e.get("evidence").asText();
                List<TimeExpression> found = temporal.find(sentence, published);
                String date = found.isEmpty() ? published.toLocalDate().toString() : found.get(0).date().toString();
                String expected = e.get("date").asText();
                // A gold date of month or year precision ("2024-05", "2014") is matched by any day within it.
                String wanted = "month".equals(e.path("datePrecision").asText()) ? expected.substring(0, 7) : expected;
                String dateEnd = found.isEmpty() ? null : String.valueOf(found.get(0).dateEnd());
                boolean dateEndAgrees = !e.hasNonNull("dateEnd") || found.isEmpty() || e.get("dateEnd").asText().equals(dateEnd);
                dates++;
                if (date.startsWith(wanted) && dateEndAgrees) {
                    datesRight++;
                } else {
                    wrong.add(article.id() + ": evidence dated " + date + (dateEnd == null ? "" : "/" + dateEnd) + " != "
                            + expected + (e.hasNonNull("dateEnd") ? "/" + e.get("dateEnd").asText() : "") + " in: " + sentence);
                }
                Casualties c = casualties.parse(sentence);
                toll(article, e, "killed", c.killed(), sentence);
                toll(article, e, "injured", c.injured(), sentence);
                toll(article, e, "casualties", c.casualties(), sentence);
            }
        }

        /** A count read from the sentence must be the gold one; the gold may hold counts from other sentences. */
        private void toll(Article article, JsonNode e, String field, Integer read, String sentence) {
            if (read == null) {
                return;
            }
            tolls++;
            JsonNode gold = e.get(field);
            if (gold != null && !gold.isNull() && gold.asInt() == read) {
                tollsRight++;
            } else {
                wrong.add(article.id() + ": evidence " + field + " " + read + " != " + gold + " in: " + sentence);
            }
        }

        Map<String, Double> figures() {
            return Map.of("evidence_dates", share(datesRight, dates),
                    "evidence_tolls", share(tollsRight, tolls));
        }
    }

    /** The share right, rounded as the scorer rounds; all right when nothing was read. */
    private static double share(int right, int of) {
        return of == 0 ? 1.0 : EnrichmentScorer.round((double) right / of);
    }

    private static List<Path> goldFiles(Path corpus) throws IOException {
        try (Stream<Path> files = Files.list(corpus.resolve("gold"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
