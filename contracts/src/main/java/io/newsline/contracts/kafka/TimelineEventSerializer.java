package io.newsline.contracts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsline.contracts.model.TimelineEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes timeline records: a full event, or for a merged-away event just
 * {@code {id, removed: true, mergedInto}} (a record, not a tombstone, so compaction keeps it).
 */
public class TimelineEventSerializer implements Serializer<TimelineEvent> {

    private final JsonSerializer<TimelineEvent> full = new JsonSerializer<>();

    @Override
    public byte[] serialize(String topic, TimelineEvent event) {
        if (event == null || !event.isRemoved()) {
            return full.serialize(topic, event);
        }
        ObjectNode node = Json.mapper().createObjectNode()
                .put("id", event.id())
                .put("removed", true)
                .put("mergedInto", event.mergedInto());
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write removal of " + event.id(), e);
        }
    }
}
