package io.newsline.nlp.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedFiguresTest {

    @Test
    void theBlockOfNameValueLinesHoldsTheFigures(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("nlp.md");
        Files.writeString(doc, """
                # Figures

                ```
                mvn test
                ```

                ```
                event_recall=0.88
                casualties=1
                ```
                """);

        assertEquals(Map.of("event_recall", 0.88, "casualties", 1.0), RecordedFigures.read(doc));
    }

    @Test
    void aDocWithoutSuchABlockRecordsNothing(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("nlp.md");
        Files.writeString(doc, "```\nrecall = high\n```\n");

        assertEquals(Map.of(), RecordedFigures.read(doc));
    }
}
