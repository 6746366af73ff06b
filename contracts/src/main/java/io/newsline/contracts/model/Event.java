package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * Something an article reports as having happened.
 *
 * @param date       when it happened: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}
 * @param dateEnd    the last day of a range, or null
 * @param casualties a toll the text gives without a killed/injured split
 * @param evidence   the sentence the event was read from
 * @param signature  what tells this happening apart from others at the same place and day (time of day,
 *                   target, weapon, district); null or empty when the text gives none
 * @param background true when the article recalls this happening rather than reporting it ("on Saturday a
 *                   strike on a hypermarket killed 16"): the timeline takes such an article as a reference
 *                   of the happening, never as a source of its figures or its status
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Event(
        String id,
        EventType type,
        String subtype,
        String date,
        String dateEnd,
        DatePrecision datePrecision,
        EventLocation location,
        Integer killed,
        Integer injured,
        Integer casualties,
        List<String> actors,
        List<String> entities,
        Attribution attribution,
        String evidence,
        double confidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) EventSignature signature,
        // Written only when true, so an absent field reads as false (the shared mapper refuses null for primitives).
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean background) {

    /** An event without a signature, reported (not recalled) by its article. */
    public Event(String id, EventType type, String subtype, String date, String dateEnd, DatePrecision datePrecision,
            EventLocation location, Integer killed, Integer injured, Integer casualties, List<String> actors,
            List<String> entities, Attribution attribution, String evidence, double confidence) {
        this(id, type, subtype, date, dateEnd, datePrecision, location, killed, injured, casualties, actors, entities,
                attribution, evidence, confidence, null, false);
    }

    public Event withSignature(EventSignature value) {
        return new Event(id, type, subtype, date, dateEnd, datePrecision, location, killed, injured, casualties,
                actors, entities, attribution, evidence, confidence, value, background);
    }

    public Event withBackground(boolean value) {
        return new Event(id, type, subtype, date, dateEnd, datePrecision, location, killed, injured, casualties,
                actors, entities, attribution, evidence, confidence, signature, value);
    }
}
