package io.newsline.contracts.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventType;
import org.junit.jupiter.api.Test;

class EventRecordTest {

    @Test
    void aReportedEventIsWrittenWithoutBackgroundAndReadsBackAsReported() throws Exception {
        Event reported = new Event("e1", EventType.SHELLING, null, "2025-06-07", null, null, null, null, null, null,
                null, null, null, "Shelling hit a fictional town.", 0.8);

        String json = Json.mapper().writeValueAsString(reported);
        Event read = Json.mapper().readValue(json, Event.class);

        assertFalse(json.contains("background"), json);
        assertFalse(read.background());
        assertEquals(reported, read);
    }

    @Test
    void aRecalledEventKeepsItsMark() throws Exception {
        Event recalled = new Event("e1", EventType.SHELLING, null, "2025-06-07", null, null, null, null, null, null,
                null, null, null, "Shelling hit a fictional town on Saturday.", 0.8).withBackground(true);

        Event read = Json.mapper().readValue(Json.mapper().writeValueAsString(recalled), Event.class);

        assertTrue(read.background());
    }
}
