package io.newsline.timeline.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.TimelineEvent;

/** Timeline records for the watch tests, read from JSON as a reader of news.timeline gets them. */
final class TestEvents {

    static TimelineEvent event(String id, int revision, long sequence, String type, double lat, double lon,
            Integer killed) {
        ObjectNode e = Json.mapper().createObjectNode()
                .put("id", id).put("type", type).put("date", "2025-05-0" + (1 + revision % 9))
                .put("datePrecision", "day").put("title", type + " in Testford").put("sourceCount", 1)
                .put("status", "single-source").put("revision", revision)
                .put("firstSeen", "2025-05-01T08:00:00Z").put("updatedAt", "2025-05-01T08:00:00Z")
                .put("sequence", sequence);
        e.putObject("location").put("name", "Testford").put("lat", lat).put("lon", lon).put("countryCode", "UA")
                .put("precision", "exact");
        if (killed != null) {
            e.put("killed", killed);
        }
        try {
            return Json.mapper().treeToValue(e, TimelineEvent.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    private TestEvents() {}
}
