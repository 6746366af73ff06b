package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copy threshold measured on real news (read from ../shared at run time, skipped when absent): no two
 * articles of the clusters and the corpora are copies, though the clusters hold several outlets' reports of
 * each happening with shared quotes and figures; and every article, republished the ways outlets republish
 * wire copy, is recognised as a copy of itself. Prints the figures docs/timeline.md quotes.
 */
class CopiesMeasurementTest {

    private record Text(String name, String title, String body) {}

    private static List<Text> texts(Path shared) throws IOException {
        List<Text> out = new ArrayList<>();
        for (String set : List.of("clusters", "corpus", "corpus-uk")) {
            Path dir = shared.resolve(set).resolve("articles");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode a = Json.mapper().readTree(f.toFile());
                    out.add(new Text(set + "/" + f.getFileName(), a.path("title").asText(""), a.path("body").asText("")));
                }
            }
        }
        return out;
    }

    /** How outlets republish a wire story: their own headline, a cut, a footer, a few words changed. */
    private static Map<String, String[]> republished(Text t, Text footerFrom) {
        String[] paragraphs = t.body().split("\n+");
        Map<String, String[]> out = new LinkedHashMap<>();
        out.put("new headline", new String[] {"Republished", t.body()});
        out.put("second half cut", new String[] {t.title(),
                String.join("\n", Arrays.copyOf(paragraphs, Math.max(2, (paragraphs.length + 1) / 2)))});
        String[] footer = footerFrom.body().split("\n+");
        out.put("footer added", new String[] {t.title(), t.body() + "\nRead more in our daily briefing.\n"
                + footer[footer.length - 1]});
        String[] words = t.body().split(" ");
        for (int i = 7; i < words.length; i += 15) {
            words[i] = "indeed";
        }
        out.put("one word in 15 changed", new String[] {t.title(), String.join(" ", words)});
        return out;
    }

    @Test
    void independentReportsAreNeverCopiesAndRepublishedOnesAlwaysAre() throws IOException {
        Path shared = Path.of(System.getProperty("newsline.corpus", "../../shared/corpus")).getParent();
        assumeTrue(shared != null && Files.isDirectory(shared.resolve("clusters")), "clusters not available");
        List<Text> texts = texts(shared);
        List<TextPrint> prints = texts.stream().map(t -> TextPrint.of(t.title(), t.body())).toList();

        double highestIndependent = 0;
        String highestPair = "";
        int pairs = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (prints.get(i) == null || prints.get(j) == null) {
                    continue;
                }
                pairs++;
                double c = prints.get(i).containment(prints.get(j));
                if (c > highestIndependent) {
                    highestIndependent = c;
                    highestPair = texts.get(i).name() + " / " + texts.get(j).name();
                }
                assertTrue(!prints.get(i).copies(prints.get(j)),
                        texts.get(i).name() + " and " + texts.get(j).name() + " are independent, containment " + c);
            }
        }
        double lowestCopy = 1;
        String lowestCopyOf = "";
        int copies = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (prints.get(i) == null) {
                continue;
            }
            for (Map.Entry<String, String[]> v : republished(texts.get(i), texts.get((i + 1) % texts.size())).entrySet()) {
                TextPrint copy = TextPrint.of(v.getValue()[0], v.getValue()[1]);
                copies++;
                double c = copy.containment(prints.get(i));
                if (c < lowestCopy) {
                    lowestCopy = c;
                    lowestCopyOf = texts.get(i).name() + " (" + v.getKey() + ")";
                }
                assertTrue(copy.copies(prints.get(i)), texts.get(i).name() + " " + v.getKey() + ": containment " + c
                        + ", resemblance " + copy.resemblance(prints.get(i)));
            }
        }
        System.out.printf(Locale.ROOT, "copies: %d independent pairs of %d texts, highest containment %.2f (%s); "
                + "%d republished copies, lowest containment %.2f (%s); threshold %.2f%n", pairs, texts.size(),
                highestIndependent, highestPair, copies, lowestCopy, lowestCopyOf, TextPrint.COPY_CONTAINMENT);
    }
}
