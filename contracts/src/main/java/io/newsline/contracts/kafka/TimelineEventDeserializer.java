package io.newsline.contracts.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.model.TimelineEvent;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads {@link TimelineEvent} records, including the short {@code {id, removed: true, mergedInto}}
 * record of a merged-away event (which lacks the counts a full event always has).
 */
public class TimelineEventDeserializer extends JsonDeserializer<TimelineEvent> {
    public TimelineEventDeserializer() {
        super(TimelineEvent.class);
    }

    @Override
    public TimelineEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(data);
            if (node != null && node.path("removed").asBoolean(false)) {
                JsonNode into = node.get("mergedInto");
                return TimelineEvent.removal(node.path("id").asText(null),
                        into == null || into.isNull() ? null : into.asText());
            }
            return Json.mapper().treeToValue(node, TimelineEvent.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("not a TimelineEvent JSON record on " + topic, e);
        }
    }
}
