package io.newsline.timeline.domain;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.NlpInfo;
import io.newsline.contracts.model.Place;
import java.util.List;

/** Small builders for the unit tests of the timeline core. */
final class Events {

    static final EventLocation KHARKIV = new EventLocation("Kharkiv", 49.98, 36.25, "UA", 706483L, Place.EXACT,
            "Kharkiv Oblast");
    static final EventLocation SALTIVKA = new EventLocation("Saltivka", 50.02, 36.35, "UA", 9000001L, Place.EXACT,
            "Kharkiv Oblast");
    static final EventLocation KUPIANSK = new EventLocation("Kupiansk", 49.71, 37.61, "UA", 704422L, Place.EXACT,
            "Kharkiv Oblast");
    static final EventLocation KHARKIV_OBLAST = new EventLocation("Kharkiv Oblast", 49.5, 36.5, "UA", 706482L,
            Place.REGION, "Kharkiv Oblast");

    static Event event(EventType type, String date, EventLocation where, Integer killed, String evidence) {
        return new Event(null, type, null, date, null, date.length() == 10 ? DatePrecision.DAY
                : date.length() == 7 ? DatePrecision.MONTH : DatePrecision.YEAR, where, killed, null, null, List.of(),
                List.of(), new Attribution(null, false), evidence, 0.9);
    }

    static EnrichedArticle article(String id, String outlet, String publishedAt, Event... events) {
        return new EnrichedArticle(id, "Title " + id, "Body", "https://" + outlet + ".example/" + id, outlet,
                publishedAt, "en", "text", publishedAt, List.of(), List.of(), List.of(events),
                new NlpInfo("test", "en", 1, null));
    }

    private Events() {}
}
