package io.newsline.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.Article;
import io.newsline.contracts.problem.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    private static final Instant RECEIVED = Instant.parse("2025-06-07T12:00:00Z");
    private final ArticleValidator validator = new ArticleValidator();

    private ArticleValidator.Result validate(String json) throws Exception {
        JsonNode node = Json.mapper().readTree(json);
        return validator.validate(node, RECEIVED);
    }

    private List<String> badFields(String json) throws Exception {
        return validate(json).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aMinimalArticleGetsAnIdAndTheTimeReceived() throws Exception {
        Article a = validate("{\"title\": \"T\", \"body\": \"B\"}").article();
        assertTrue(a.id().startsWith("t-"));
        assertEquals("2025-06-07T12:00:00Z", a.publishedAt());
        assertEquals("2025-06-07T12:00:00Z", a.receivedAt());
        assertEquals("text", a.format());
        assertNull(a.url());
    }

    @Test
    void datesAreReadInEveryIsoFormAndStoredWithAnOffset() throws Exception {
        assertEquals("2025-06-01T00:00:00Z", validate("{\"title\": \"T\", \"body\": \"B\", \"publishedAt\": \"2025-06-01\"}").article().publishedAt());
        assertEquals("2025-06-01T10:30:00Z", validate("{\"title\": \"T\", \"body\": \"B\", \"publishedAt\": \"2025-06-01T10:30\"}").article().publishedAt());
        assertEquals("2025-06-01T10:30:00+03:00", validate("{\"title\": \"T\", \"body\": \"B\", \"publishedAt\": \"2025-06-01T10:30:00+03:00\"}").article().publishedAt());
        assertEquals("2025-06-01T10:30:00.5Z", validate("{\"title\": \"T\", \"body\": \"B\", \"publishedAt\": \"2025-06-01T10:30:00.500Z\"}").article().publishedAt());
        // Up to a day ahead is clock skew and time zones; more is refused.
        assertTrue(validate("{\"title\": \"T\", \"body\": \"B\", \"publishedAt\": \"2025-06-08T11:00:00Z\"}").valid());
        assertEquals(List.of("publishedAt"), badFields("{\"title\": \"T\", \"body\": \"B\", \"publishedAt\": \"2025-06-08T13:00:00Z\"}"));
        assertEquals(List.of("publishedAt"), badFields("{\"title\": \"T\", \"body\": \"B\", \"publishedAt\": \"07/06/2025\"}"));
        assertEquals(List.of("publishedAt"), badFields("{\"title\": \"T\", \"body\": \"B\", \"publishedAt\": \"2025-02-30\"}"));
    }

    @Test
    void lengthsCountCharactersAfterNormalisation() throws Exception {
        String thousandEmoji = "\uD83D\uDE00".repeat(1_000);
        assertTrue(validate("{\"title\": \"" + thousandEmoji + "\", \"body\": \"B\"}").valid());
        assertEquals(List.of("title"), badFields("{\"title\": \"" + "a".repeat(1_001) + "\", \"body\": \"B\"}"));
        // Control characters are removed first, so a title of only controls is blank.
        assertEquals(List.of("title"), badFields("{\"title\": \"\\u0001\\u0002\", \"body\": \"B\"}"));
        assertEquals(List.of("body"), badFields("{\"title\": \"T\", \"body\": \"<p> </p>\", \"format\": \"html\"}"));
        assertTrue(validate("{\"title\": \"T\", \"body\": \"" + "b".repeat(200_000) + "\"}").valid());
        assertEquals(List.of("body"), badFields("{\"title\": \"T\", \"body\": \"" + "b".repeat(200_001) + "\"}"));
    }

    @Test
    void urlsAndLanguagesAreChecked() throws Exception {
        assertEquals(List.of("url"), badFields("{\"title\": \"T\", \"body\": \"B\", \"url\": \"example.org/x\"}"));
        assertEquals(List.of("url"), badFields("{\"title\": \"T\", \"body\": \"B\", \"url\": \"ftp://example.org/x\"}"));
        assertEquals(List.of("url"), badFields("{\"title\": \"T\", \"body\": \"B\", \"url\": \"http://exa mple.org\"}"));
        assertEquals("pt-BR", validate("{\"title\": \"T\", \"body\": \"B\", \"language\": \"pt-br\"}").article().language());
        assertEquals(List.of("language"), badFields("{\"title\": \"T\", \"body\": \"B\", \"language\": \"english\"}"));
        assertEquals("ukr", validate("{\"title\": \"T\", \"body\": \"B\", \"language\": \"ukr\"}").article().language());
    }

    @Test
    void aWellFormedTagWhoseLanguageNoStandardAssignsIsRefusedNamingIt() throws Exception {
        ArticleValidator.Result r = validate("{\"title\": \"T\", \"body\": \"B\", \"language\": \"zz-ZZ\"}");

        assertEquals(List.of("language"), r.errors().stream().map(FieldError::field).toList());
        assertTrue(r.errors().get(0).message().contains("\"zz\" is no language"), r.errors().get(0).message());
        assertEquals(List.of("language"), badFields("{\"title\": \"T\", \"body\": \"B\", \"language\": \"qqq\"}"));
    }

    @Test
    void formatsAndIdsAreChecked() throws Exception {
        assertEquals(List.of("format"), badFields("{\"title\": \"T\", \"body\": \"B\", \"format\": \"HTML5\"}"));
        assertEquals(List.of("id"), badFields("{\"title\": \"T\", \"body\": \"B\", \"id\": \"../etc\"}"));
        assertEquals("wire:123_a.b-c", validate("{\"title\": \"T\", \"body\": \"B\", \"id\": \"wire:123_a.b-c\"}").article().id());
    }

    @Test
    void everyBadFieldIsReportedAtOnce() throws Exception {
        ArticleValidator.Result r = validate("{\"title\": 3, \"url\": \"nope\", \"language\": \"??\"}");
        assertFalse(r.valid());
        assertEquals(List.of("title", "body", "url", "language"), r.errors().stream().map(FieldError::field).toList());
        assertEquals("must be a string", r.errors().get(0).message());
        assertEquals("is required", r.errors().get(1).message());
    }

    @Test
    void theSameUrlGivesTheSameIdWhateverTheText() throws Exception {
        String a = validate("{\"title\": \"A\", \"body\": \"B\", \"url\": \"https://WWW.Example.org/x?utm_medium=x#f\"}").article().id();
        String b = validate("{\"title\": \"C\", \"body\": \"D\", \"url\": \"http://example.org/x\"}").article().id();
        assertEquals(a, b);
    }
}
