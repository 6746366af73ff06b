package io.newsline.contracts.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.TimelineEvent;
import org.junit.jupiter.api.Test;

class TimelineRecordRoundTripTest {

    @Test
    void aMergedAwayRecordReadsBackAsARemoval() {
        byte[] bytes = new TimelineEventSerializer().serialize(Topics.TIMELINE, TimelineEvent.removal("ev-a", "ev-b"));

        TimelineEvent read = new TimelineEventDeserializer().deserialize(Topics.TIMELINE, bytes);

        assertTrue(read.isRemoved());
        assertEquals("ev-a", read.id());
        assertEquals("ev-b", read.mergedInto());
    }
}
