package io.newsline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the docs' examples test reads a page: commands, what they are documented to answer, blocks not run. */
class ShellExamplesTest {

    private static final String PAGE = """
            Post one:

            ```bash
            TOKEN=$(./newsline token)
            curl -i -X POST http://localhost:8081/api/articles \\
              -H "Authorization: Bearer $TOKEN" \\
              -d '{"title": "A # in a title", "body": "Two lines
                   in one quote."}'
            # HTTP/1.1 202 Accepted   {"id":"u-…","duplicate":false}
            curl -s http://localhost:8081/api/feeds/none   # 404
            ```

            <!-- example not run: needs Docker -->
            ```bash
            docker compose up
            ```

            ```sh
            curl -s -X POST http://localhost:8081/api/articles/batch -d '[]'
            ```

            ```json
            {"items": 0, "results": [], "more": "…"}
            ```

            ```
            ingest ──► Kafka ──► nlp
            ```

            ```
            curl -s http://localhost:8083/api/timeline   # {items, nextCursor, sequence}
            ```
            """;

    private static ShellExamples.Page page() {
        return ShellExamples.parse(Path.of("page.md"), PAGE.lines().toList());
    }

    @Test
    void commandsSpanContinuedLinesAndOpenQuotesAndKeepWhatTheirCommentsDocument() {
        List<ShellExamples.Command> commands = page().commands();

        assertEquals(5, commands.size());
        assertEquals("TOKEN=$(./newsline token)", commands.get(0).text());
        assertTrue(commands.get(1).text().endsWith("in one quote.\"}'"), commands.get(1).text());
        assertEquals(5, commands.get(1).line());
        assertEquals("HTTP/1.1 202 Accepted   {\"id\":\"u-…\",\"duplicate\":false}", commands.get(1).documented());
        assertEquals("404", commands.get(2).documented());
        assertTrue(commands.get(3).documented().startsWith("{\"items\": 0"), "a json block after is the output");
    }

    @Test
    void aBlockWithoutALanguageRunsWhenItStartsWithACommand() {
        List<ShellExamples.Command> commands = page().commands();

        assertEquals("curl -s http://localhost:8083/api/timeline   # {items, nextCursor, sequence}", commands.get(4).text());
        assertTrue(commands.stream().noneMatch(c -> c.text().contains("──►")), "a diagram is not run");
    }

    @Test
    void aMarkedBlockIsSkippedWithItsReason() {
        ShellExamples.Page page = page();

        assertEquals(1, page.skipped().size());
        assertEquals("needs Docker", page.skipped().get(0).reason());
        assertTrue(page.commands().stream().noneMatch(c -> c.text().contains("docker")));
    }

    @Test
    void theDocumentedAnswerGivesAStatusAndTheFieldsToFind() throws Exception {
        DocumentedOutput posted = DocumentedOutput.of(page().commands().get(1).documented());

        assertEquals(202, posted.status());
        assertEquals(List.of(), posted.mismatches(json("{\"id\":\"u-1a2b\",\"duplicate\":false,\"extra\":1}")));
        assertEquals(1, posted.mismatches(json("{\"id\":\"t-1a2b\",\"duplicate\":false}")).size());
        assertEquals(1, posted.mismatches(json("{\"id\":\"u-1a2b\"}")).size());

        DocumentedOutput names = DocumentedOutput.of("{items, nextCursor, sequence}");
        assertEquals(List.of(), names.mismatches(json("{\"items\":[],\"nextCursor\":null,\"sequence\":3}")));
        assertEquals(List.of("no field sequence"), names.mismatches(json("{\"items\":[],\"nextCursor\":null}")));

        DocumentedOutput more = DocumentedOutput.of("400 {\"errors\":[{\"field\":\"title\"}, …]}");
        assertEquals(400, more.status());
        assertEquals(List.of(), more.mismatches(json("{\"errors\":[{\"field\":\"title\"},{\"field\":\"body\"}]}")));

        assertEquals(null, DocumentedOutput.of("every feed with its last poll").status());
        assertThrows(IllegalArgumentException.class, () -> DocumentedOutput.of("{\"broken\": "));
    }

    private static JsonNode json(String s) throws Exception {
        return Json.mapper().readTree(s);
    }
}
