package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.NlpInfo;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Copies of one wire story are one source with its copies: never corroboration on their own. */
class CopiesTest {

    private static final String WIRE = """
            Artillery shells hit a water pumping station in the river town of Sosnivka early on Monday, cutting \
            supplies to about 12,000 residents and injuring two engineers, the district administration said.
            Repair crews were waiting for the shelling to stop before they could reach the station, which sits \
            on the eastern bank of the river, the administration said. Bottled water was being handed out at \
            the town's two schools.
            The town has been shelled almost daily since the spring, and many families have moved to the \
            regional centre, about forty kilometres to the west.""";
    private static final String OWN_WORDS = """
            Sosnivka is without running water after Monday's shelling damaged its pumping station, local \
            officials said. Two engineers were hurt.
            An official of the district said crews could not yet reach the site on the eastern bank. Volunteers \
            brought bottled water to schools in the centre of the town, where queues formed by mid-morning.
            Residents said the shelling began before dawn and lasted for about an hour.""";

    private static EnrichedArticle article(String id, String outlet, String publishedAt, String title, String body) {
        Event e = Events.event(EventType.SHELLING, "2025-06-02", Events.KUPIANSK, null, "Shells hit the station.");
        return new EnrichedArticle(id, title, body, "https://" + outlet.replace(' ', '-') + ".example/" + id, outlet,
                publishedAt, "en", "text", publishedAt, List.of(), List.of(), List.of(e), new NlpInfo("t", "en", 1, null));
    }

    private static TimelineEvent foldAll(List<EnrichedArticle> articles) {
        EventMerger merger = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false);
        TimelineEvent last = null;
        for (EnrichedArticle a : articles) {
            last = merger.fold(a).get(0);
        }
        return last;
    }

    private static Map<String, String> copyOf(TimelineEvent e) {
        return e.sources().stream().collect(Collectors.toMap(EventSource::articleId,
                s -> s.copyOf() == null ? "-" : s.copyOf()));
    }

    private final EnrichedArticle wire = article("wire", "Agency", "2025-06-02T07:00:00Z", "Shells cut water in Sosnivka", WIRE);
    private final EnrichedArticle reprint = article("reprint", "Evening Gazette", "2025-06-02T09:30:00Z",
            "Town left without water", WIRE + "\nFollow us for more regional news.");
    private final EnrichedArticle aggregator = article("aggregator", "News Portal", "2025-06-02T11:00:00Z",
            "Sosnivka: pumping station shelled", WIRE.substring(0, WIRE.indexOf("\nThe town")));
    private final EnrichedArticle independent = article("own", "Regional Daily", "2025-06-02T12:00:00Z",
            "No water in Sosnivka", OWN_WORDS);

    @Test
    void copiesOfOneWireStoryAreOneOutletAndMarkTheEarliestAsTheirOriginal() {
        TimelineEvent e = foldAll(List.of(wire, reprint, aggregator));

        assertEquals(3, e.sourceCount());
        assertEquals(TimelineStatus.SINGLE_SOURCE, e.status());
        assertEquals(Map.of("wire", "-", "reprint", "wire", "aggregator", "wire"), copyOf(e));
    }

    @Test
    void anIndependentReportCorroboratesItAndTheMarksDoNotDependOnTheOrder() {
        TimelineEvent e = foldAll(List.of(aggregator, independent, reprint, wire));

        assertEquals(TimelineStatus.CORROBORATED, e.status());
        assertEquals(Map.of("wire", "-", "reprint", "wire", "aggregator", "wire", "own", "-"), copyOf(e));
        assertNull(e.sources().stream().filter(s -> s.articleId().equals("own")).findFirst().orElseThrow().copyOf());
    }

    @Test
    void aCopyUpdatedWithAHigherTollIsTheWireRaisingItsOwnTollNotADispute() {
        EnrichedArticle update = new EnrichedArticle("update", "Town left without water", WIRE, "https://gazette.example/u",
                "Evening Gazette", "2025-06-02T08:00:00Z", "en", "text", null, List.of(), List.of(),
                List.of(new Event(null, EventType.SHELLING, null, "2025-06-02", null, DatePrecision.DAY, Events.KUPIANSK,
                        1, 2, null, List.of(), List.of(), new Attribution(null, false), "One engineer died.", 0.9)),
                new NlpInfo("t", "en", 1, null));

        TimelineEvent e = foldAll(List.of(wire, update));

        assertEquals(TimelineStatus.SINGLE_SOURCE, e.status());
        assertEquals(1, e.killed());
    }
}
