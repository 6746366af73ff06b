package io.newsline.contracts.kafka;

import io.newsline.contracts.model.TimelineEvent;

/** Reads {@link TimelineEvent} records. */
public class TimelineEventDeserializer extends JsonDeserializer<TimelineEvent> {
    public TimelineEventDeserializer() {
        super(TimelineEvent.class);
    }
}
