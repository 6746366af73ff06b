package io.newsline.timeline.api;

import io.newsline.contracts.model.TimelineEvent;
import java.io.IOException;

/** Writes events one by one as they are read from the timeline, so an export of any size streams. */
interface EventWriter {

    /** @param sequence the feed position the export reflects */
    void begin(long sequence) throws IOException;

    void event(TimelineEvent e) throws IOException;

    /** @param nextCursor where the next page starts, or null when this was the last */
    void end(String nextCursor) throws IOException;
}
