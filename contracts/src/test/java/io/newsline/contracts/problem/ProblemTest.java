package io.newsline.contracts.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static JsonNode written(Problem p) throws Exception {
        return Json.mapper().readTree(Json.mapper().writeValueAsString(p));
    }

    @Test
    void aFieldProblemNamesItsTypeAndEachBadFieldOnce() throws Exception {
        JsonNode json = written(Problem.invalidFields(List.of(
                new FieldError("title", "must not be blank"), new FieldError("limit", "must be between 1 and 1000"))));

        assertEquals("urn:newsline:problem:invalid-fields", json.get("type").asText());
        assertEquals(400, json.get("status").asInt());
        assertEquals("title must not be blank; limit must be between 1 and 1000", json.get("detail").asText());
        assertEquals("limit", json.get("errors").get(1).get("field").asText());
        assertEquals(List.of("type", "title", "status", "detail", "errors"), fieldNames(json));
    }

    @Test
    void anExtensionMemberIsWrittenOnceAtTheTopLevel() throws Exception {
        JsonNode json = written(Problem.notFound("event ev-a was merged into ev-b").with("mergedInto", "ev-b"));

        assertEquals("ev-b", json.get("mergedInto").asText());
        assertEquals(List.of("type", "title", "status", "detail", "mergedInto"), fieldNames(json));
        assertFalse(json.has("extensions"));
        assertFalse(json.has("errors"), "no empty errors list");
    }

    @Test
    void aStatusTheFrameworkChoseGetsTheTypeOfThatStatus() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(400));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(418));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(502));
        assertTrue(ProblemType.forStatus(405).uri().startsWith("urn:newsline:problem:"));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
