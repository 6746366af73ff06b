package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Something an article reports as having happened.
 *
 * @param date       when it happened: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}
 * @param dateEnd    the last day of a range, or null
 * @param casualties a toll the text gives without a killed/injured split
 * @param evidence   the sentence the event was read from
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
        double confidence) {}
