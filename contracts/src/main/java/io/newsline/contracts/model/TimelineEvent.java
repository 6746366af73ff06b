package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One happening, merged across every article that reports it: the value of {@code news.timeline}.
 * A record with {@code removed: true} says the event was merged into {@code mergedInto}.
 * {@code sequence} is set only when served (its record's offset plus one).
 *
 * <p>Built with {@link #of(String)} and the {@code with…} steps, so a reader sees which field gets which value.
 *
 * @param signature  what tells this happening apart from others at the same place and day, as its sources give it
 *                   (each field the value most of its sources give); null when none gives any
 * @param sources    the articles that report it, one entry each, with that article's own figures
 * @param references articles that only recall it (a background sentence): linked, never a source, never counted
 * @param sourceCount how many articles report it ({@code sources} size); copies of one text are among them and
 *                   marked by {@link EventSource#copyOf()}
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
        @JsonInclude(JsonInclude.Include.NON_NULL) EventSignature signature,
        String title,
        Integer killed,
        Integer injured,
        Integer casualties,
        List<String> entities,
        List<EventSource> sources,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EventReference> references,
        int sourceCount,
        TimelineStatus status,
        int revision,
        String firstSeen,
        String updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sequence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean removed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mergedInto) {

    /** An event with nothing but its id, to be given its fields with the {@code with…} steps. */
    public static TimelineEvent of(String id) {
        return new TimelineEvent(id, null, null, null, null, null, null, null, null, null, null, null, List.of(),
                List.of(), List.of(), 0, null, 0, null, null, null, null, null);
    }

    /** The record that tells readers of {@code news.timeline} an event was merged into another. */
    public static TimelineEvent removal(String id, String mergedInto) {
        return new TimelineEvent(id, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, 0, null, 0, null, null, null, true, mergedInto);
    }

    public boolean isRemoved() {
        return Boolean.TRUE.equals(removed);
    }

    /** The references, never null (records written before they existed have none). */
    public List<EventReference> referencesOrEmpty() {
        return references == null ? List.of() : references;
    }

    public TimelineEvent withType(EventType value) {
        return new TimelineEvent(id, value, subtype, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, entities, sources, references, sourceCount, status, revision, firstSeen,
                updatedAt, sequence, removed, mergedInto);
    }

    public TimelineEvent withSubtype(String value) {
        return new TimelineEvent(id, type, value, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, entities, sources, references, sourceCount, status, revision, firstSeen,
                updatedAt, sequence, removed, mergedInto);
    }

    /** When it happened: {@code date}, the last day of a range or null, and how precise the date is. */
    public TimelineEvent withDate(String from, String to, DatePrecision precision) {
        return new TimelineEvent(id, type, subtype, from, to, precision, location, signature, title, killed, injured,
                casualties, entities, sources, references, sourceCount, status, revision, firstSeen, updatedAt,
                sequence, removed, mergedInto);
    }

    public TimelineEvent withLocation(EventLocation value) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, value, signature, title, killed,
                injured, casualties, entities, sources, references, sourceCount, status, revision, firstSeen,
                updatedAt, sequence, removed, mergedInto);
    }

    public TimelineEvent withSignature(EventSignature value) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, value, title, killed,
                injured, casualties, entities, sources, references, sourceCount, status, revision, firstSeen,
                updatedAt, sequence, removed, mergedInto);
    }

    public TimelineEvent withTitle(String value) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, value, killed,
                injured, casualties, entities, sources, references, sourceCount, status, revision, firstSeen,
                updatedAt, sequence, removed, mergedInto);
    }

    /** The figures the event shows. */
    public TimelineEvent withFigures(Integer dead, Integer hurt, Integer total) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, title, dead,
                hurt, total, entities, sources, references, sourceCount, status, revision, firstSeen, updatedAt,
                sequence, removed, mergedInto);
    }

    public TimelineEvent withEntities(List<String> value) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, value, sources, references, sourceCount, status, revision, firstSeen, updatedAt,
                sequence, removed, mergedInto);
    }

    /** The sources, and {@code sourceCount} with them. */
    public TimelineEvent withSources(List<EventSource> value) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, entities, List.copyOf(value), references, value.size(), status, revision,
                firstSeen, updatedAt, sequence, removed, mergedInto);
    }

    public TimelineEvent withReferences(List<EventReference> value) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, entities, sources, List.copyOf(value), sourceCount, status, revision, firstSeen,
                updatedAt, sequence, removed, mergedInto);
    }

    public TimelineEvent withStatus(TimelineStatus value) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, entities, sources, references, sourceCount, value, revision, firstSeen, updatedAt,
                sequence, removed, mergedInto);
    }

    public TimelineEvent withRevision(int value) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, entities, sources, references, sourceCount, status, value, firstSeen, updatedAt,
                sequence, removed, mergedInto);
    }

    /** When the timeline first saw it and when it last changed (ISO-8601 instants). */
    public TimelineEvent withSeen(String first, String updated) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, entities, sources, references, sourceCount, status, revision, first, updated,
                sequence, removed, mergedInto);
    }

    /** The sequence it is served with; null for the record the merger publishes, which gets its sequence from its offset. */
    public TimelineEvent withSequence(Long seq) {
        return new TimelineEvent(id, type, subtype, date, dateEnd, datePrecision, location, signature, title, killed,
                injured, casualties, entities, sources, references, sourceCount, status, revision, firstSeen,
                updatedAt, seq, removed, mergedInto);
    }
}
