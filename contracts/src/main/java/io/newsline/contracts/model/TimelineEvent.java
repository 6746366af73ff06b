package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One happening, merged across every article that reports it: the value of {@code news.timeline}.
 * A record with {@code removed: true} says the event was merged into {@code mergedInto}.
 * {@code sequence} is set only when served (its record's offset plus one).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimelineEvent(
        String id,
        EventType type,
        String subtype,
        String date,
        String dateEnd,
        DatePrecision datePrecision,
        EventLocation location,
        String title,
        Integer killed,
        Integer injured,
        Integer casualties,
        List<String> entities,
        List<EventSource> sources,
        int sourceCount,
        TimelineStatus status,
        int revision,
        String firstSeen,
        String updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sequence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean removed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mergedInto) {

    public boolean isRemoved() {
        return Boolean.TRUE.equals(removed);
    }

    public TimelineEvent withSequence(long seq) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, title, killed, injured,
                casualties, entities, sources, sourceCount, status, revision, firstSeen, updatedAt, seq, removed,
                mergedInto);
    }

    /** The record that tells readers of {@code news.timeline} an event was merged into another. */
    public static TimelineEvent removal(String id, String mergedInto) {
        return new TimelineEvent(id, null, null, null, null, null, null, null, null, null, null, null, null, 0, null,
                0, null, null, null, true, mergedInto);
    }
}
