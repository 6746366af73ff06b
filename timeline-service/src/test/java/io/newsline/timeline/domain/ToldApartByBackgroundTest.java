package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An article that recalls one happening as background beside its news says its news is another one. */
class ToldApartByBackgroundTest {

    private static final EventLocation CITY = new EventLocation("Verkhnia Dolyna", 48.10, 33.20, "UA", 9100001L,
            Place.EXACT, "Dolyna Oblast");

    private final EventMerger merger = new EventMerger(MergeRule.DEFAULT,
            Clock.fixed(Instant.parse("2025-06-30T00:00:00Z"), ZoneOffset.UTC), false);
    private final TimelineView view = new TimelineView();
    private long sequence;

    private void fold(EnrichedArticle a) {
        merger.fold(a).forEach(r -> view.apply(++sequence, r));
    }

    private List<TimelineEvent> timeline() {
        return view.page(TimelineFilter.NONE, null, 1000).items();
    }

    private TimelineEvent holding(String articleId) {
        return timeline().stream().filter(e -> e.sources().stream().anyMatch(s -> s.articleId().equals(articleId)))
                .findFirst().orElseThrow();
    }

    private static Event strike(Integer killed, String evidence, EventSignature sig) {
        return event(EventType.MISSILE_STRIKE, "2025-06-07", CITY, killed, evidence).withSignature(sig);
    }

    @Test
    void anEveningStrikeToldBesideTheAfternoonsHypermarketStaysApartFromIt() {
        fold(article("mall", "Dolyna Post", "2025-06-07T15:00:00Z",
                strike(2, "Missiles hit a furniture hypermarket, two dead.", EventSignature.NONE.withTarget("hypermarket")
                        .withWeapon("missile"))));

        fold(article("centre", "Kyiv Wire", "2025-06-07T21:00:00Z",
                strike(null, "Another attack on the city injured 14 people; the mayor reported an explosion at 19:05.",
                        EventSignature.NONE.withTime("19:05", null).withWeapon("S-300 missile")),
                strike(4, "Earlier on the day, enemy forces attacked the hypermarket; four have died there.",
                        EventSignature.NONE.withTarget("hypermarket")).withBackground(true)));

        assertEquals(2, timeline().size());
        assertNotEquals(holding("mall").id(), holding("centre").id());
        assertEquals("centre", holding("mall").references().get(0).articleId(), "the recollection is a reference");
        assertEquals(2, holding("mall").killed(), "and changes nothing of the hypermarket's figures");
    }

    @Test
    void aBackgroundLineRetellingTheArticlesOwnNewsDoesNotKeepItFromItsEvent() {
        fold(article("first", "Dolyna Post", "2025-06-07T11:00:00Z",
                strike(5, "Missiles hit the city at 10:30, five dead.", EventSignature.NONE.withTime("10:30", null)
                        .withWeapon("missile"))));

        fold(article("second", "Kyiv Wire", "2025-06-07T16:00:00Z",
                strike(7, "Seven were killed by the missile strike this morning.", EventSignature.NONE
                        .withTimeOfDay("morning").withWeapon("missile")),
                strike(null, "Recall that at about 10:30 missiles hit the city.", EventSignature.NONE
                        .withTime("10:30", null).withWeapon("missile")).withBackground(true)));

        assertEquals(1, timeline().size());
        assertEquals(2, holding("first").sourceCount());
        assertEquals(7, holding("first").killed());
    }

    @Test
    void theSameHoldsWhenTheArticleWithTheBackgroundComesFirst() {
        fold(article("centre", "Kyiv Wire", "2025-06-07T21:00:00Z",
                strike(null, "Another attack on the city injured 14 people; the mayor reported an explosion at 19:05.",
                        EventSignature.NONE.withTime("19:05", null).withWeapon("S-300 missile")),
                strike(4, "Earlier on the day, enemy forces attacked the hypermarket; four have died there.",
                        EventSignature.NONE.withTarget("hypermarket")).withBackground(true)));

        fold(article("mall", "Dolyna Post", "2025-06-07T22:00:00Z",
                strike(4, "Missiles hit a furniture hypermarket, four dead.", EventSignature.NONE.withTarget("hypermarket")
                        .withWeapon("missile"))));
        fold(article("bare", "Evening News", "2025-06-07T23:00:00Z",
                strike(4, "Four people died in a missile strike on the city.", EventSignature.NONE.withWeapon("missile"))));

        assertEquals(2, timeline().size(), () -> "timeline: " + timeline());
        assertNotEquals(holding("mall").id(), holding("centre").id());
        assertEquals(holding("mall").id(), holding("bare").id(), "a bare report fits the recalled one, not the centre's");
        assertEquals(1, holding("centre").sourceCount());
    }
}
