package io.newsline.contracts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Json;
import org.junit.jupiter.api.Test;

/** Events written by an older or a newer NLP read back as the same event. */
class EventJsonTest {

    private static final String WITHOUT_NEW_FIELDS = """
            {"id":"e1","type":"SHELLING","date":"2025-03-09","datePrecision":"day",
             "killed":2,"evidence":"Artillery shelled the town overnight.","confidence":0.8}""";

    @Test
    void anEventWithoutSignatureOrBackgroundIsAReportWithoutSignature() throws Exception {
        Event e = Json.mapper().readValue(WITHOUT_NEW_FIELDS, Event.class);

        assertFalse(e.background());
        assertNull(e.signature());
        assertEquals(2, e.killed());
    }

    @Test
    void aReportDoesNotWriteBackgroundAndARecalledHappeningDoes() throws Exception {
        Event reported = Json.mapper().readValue(WITHOUT_NEW_FIELDS, Event.class);
        Event recalled = reported.withBackground(true)
                .withSignature(EventSignature.NONE.withTarget("market").withTimeOfDay("night"));

        String reportedJson = Json.mapper().writeValueAsString(reported);
        Event back = Json.mapper().readValue(Json.mapper().writeValueAsString(recalled), Event.class);

        assertFalse(reportedJson.contains("background"), reportedJson);
        assertFalse(reportedJson.contains("signature"), reportedJson);
        assertTrue(back.background());
        assertEquals("market", back.signature().target());
        assertEquals("night", back.signature().timeOfDay());
    }
}
