package io.newsline.timeline.domain;

import static io.newsline.timeline.domain.Events.KHARKIV;
import static io.newsline.timeline.domain.Events.KHARKIV_OBLAST;
import static io.newsline.timeline.domain.Events.KUPIANSK;
import static io.newsline.timeline.domain.Events.SALTIVKA;
import static io.newsline.timeline.domain.Events.article;
import static io.newsline.timeline.domain.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.NlpInfo;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMergerTest {

    private final EventMerger merger = new EventMerger(MergeRule.DEFAULT,
            Clock.fixed(Instant.parse("2025-06-08T00:00:00Z"), ZoneOffset.UTC), false);

    @Test
    void twoOutletsWithDifferentWordingAndTypesBecomeOneCorroboratedEvent() {
        // Given one outlet's missile strike on Kharkiv
        TimelineEvent first = merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", KHARKIV, 3, "Missiles hit Kharkiv, killing three."))).get(0);
        // When another outlet reports a glide-bomb air strike on a district of the city, same day, same toll
        List<TimelineEvent> out = merger.fold(article("a2", "Kyiv Independent", "2025-06-07T09:00:00Z",
                event(EventType.AIR_STRIKE, "2025-06-07", SALTIVKA, 3, "A glide bomb killed three in Saltivka.")));
        // Then it is the same event, one revision later, with both sources
        assertEquals(1, out.size());
        TimelineEvent merged = out.get(0);
        assertEquals(first.id(), merged.id());
        assertEquals(2, merged.revision());
        assertEquals(2, merged.sourceCount());
        assertEquals(TimelineStatus.CORROBORATED, merged.status());
    }

    @Test
    void aUkrainianAndAnEnglishReportOfOneStrikeAreOneEventEachSourceWithItsHeadlineAndLanguage() {
        // Given an English report of a strike on Kharkiv
        EnrichedArticle english = article("en1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", KHARKIV, 3, "Missiles hit Kharkiv, killing three."));
        merger.fold(english);
        // When a Ukrainian outlet reports the same strike
        EnrichedArticle ukrainian = new EnrichedArticle("uk1", "Ракетний удар по Харкову: троє загиблих", "Текст",
                "https://suspilne.example/uk1", "Suspilne", "2025-06-07T07:00:00Z", "uk", "text", "2025-06-07T07:00:00Z",
                List.of(), List.of(), List.of(event(EventType.MISSILE_STRIKE, "2025-06-07", KHARKIV, 3,
                        "Унаслідок ракетного удару по Харкову загинули троє людей.")), new NlpInfo("test", "uk", 1, null));
        TimelineEvent merged = merger.fold(ukrainian).get(0);
        // Then one event holds both, each source with its own headline, marked with its language
        assertEquals(2, merged.sourceCount());
        EventSource en = merged.sources().get(0);
        EventSource uk = merged.sources().get(1);
        assertEquals(List.of("en1", "uk1"), List.of(en.articleId(), uk.articleId()));
        assertEquals("Title en1", en.title());
        assertEquals("en", en.language());
        assertEquals("Ракетний удар по Харкову: троє загиблих", uk.title());
        assertEquals("uk", uk.language());
    }

    @Test
    void strikesOnOneCityDaysApartStayApart() {
        merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", KHARKIV, 3, "Missiles hit Kharkiv.")));
        List<TimelineEvent> out = merger.fold(article("a2", "AP", "2025-06-09T06:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-09", KHARKIV, 3, "Missiles hit Kharkiv again.")));

        assertEquals(1, out.get(0).revision());
        assertEquals(2, merger.size());
    }

    @Test
    void anOvernightStrikeDatedByEitherNightMergesWhenReportedTheSameMorning() {
        merger.fold(article("a1", "Reuters", "2025-06-07T02:00:00Z",
                event(EventType.DRONE_STRIKE, "2025-06-06", KHARKIV, 2, "Late on Friday drones hit Kharkiv.")));
        List<TimelineEvent> out = merger.fold(article("a2", "AP", "2025-06-07T09:00:00Z",
                event(EventType.DRONE_STRIKE, "2025-06-07", KHARKIV, 2, "Overnight drones hit Kharkiv.")));

        assertEquals(2, out.get(0).revision());
        assertEquals(1, merger.size());
    }

    @Test
    void strikesOnTwoNightsReportedEachMorningStayApart() {
        merger.fold(article("a1", "Reuters", "2025-06-07T08:00:00Z",
                event(EventType.DRONE_STRIKE, "2025-06-07", KHARKIV, 2, "Overnight drones hit Kharkiv.")));
        merger.fold(article("a2", "Reuters", "2025-06-08T08:00:00Z",
                event(EventType.DRONE_STRIKE, "2025-06-08", KHARKIV, 1, "Overnight drones hit Kharkiv again.")));

        assertEquals(2, merger.size());
    }

    @Test
    void placesFarApartOrAtAnotherLevelOrOtherKindsOfHappeningStayApart() {
        merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 1, "Shelling in Kharkiv.")));
        merger.fold(article("a2", "AP", "2025-06-07T07:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KUPIANSK, 1, "Shelling in Kupiansk.")));
        merger.fold(article("a3", "BBC", "2025-06-07T08:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV_OBLAST, 1, "Shelling across the region.")));
        merger.fold(article("a4", "CNN", "2025-06-07T09:00:00Z",
                event(EventType.PROTEST, "2025-06-07", KHARKIV, null, "A protest in Kharkiv.")));

        assertEquals(4, merger.size());
    }

    @Test
    void differentTollsFromTwoOutletsAnHourApartAreDisputedAndEachSourceKeepsItsFigure() {
        merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 3, "Three killed.")));
        TimelineEvent e = merger.fold(article("a2", "AP", "2025-06-07T07:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 7, "Seven killed."))).get(0);

        assertEquals(TimelineStatus.DISPUTED, e.status());
        assertEquals(7, e.killed());
        assertEquals(List.of(3, 7), e.sources().stream().map(s -> s.killed()).toList());
    }

    @Test
    void aTollRisingOverTheDayAcrossOutletsIsCorroboratedNotDisputed() {
        // The demo's Kharkiv strike: three killed in the morning, "toll rises to four" in the afternoon
        merger.fold(article("a1", "Newsline Demo Wire", "2025-03-12T07:30:00Z",
                event(EventType.AIR_STRIKE, "2025-03-11", KHARKIV, 3, "Three killed and 14 injured.")));
        TimelineEvent e = merger.fold(article("a2", "Eastern Ukraine Daily", "2025-03-12T15:05:00Z",
                event(EventType.AIR_STRIKE, "2025-03-11", KHARKIV, 4, "The toll rose to 4 dead."))).get(0);

        assertEquals(TimelineStatus.CORROBORATED, e.status());
        assertEquals(4, e.killed());
        assertEquals(List.of(3, 4), e.sources().stream().map(s -> s.killed()).toList());
    }

    @Test
    void aDisasterTollRisingThroughSeveralOutletsStaysCorroboratedEvenWhenAnOutletRepeatsTheLatestFigure() {
        merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.DISASTER, "2025-06-07", KHARKIV, 2, "The flood killed two.")));
        merger.fold(article("a2", "AP", "2025-06-07T12:00:00Z",
                event(EventType.DISASTER, "2025-06-07", KHARKIV, 9, "The flood toll rose to nine.")));
        TimelineEvent e = merger.fold(article("a3", "BBC", "2025-06-07T13:00:00Z",
                event(EventType.DISASTER, "2025-06-07", KHARKIV, 9, "Nine died in the flood."))).get(0);

        assertEquals(TimelineStatus.CORROBORATED, e.status());
        assertEquals(9, e.killed());
    }

    @Test
    void aLaterLowerFigureFromAnotherOutletIsDisputed() {
        merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 7, "Seven killed.")));
        TimelineEvent e = merger.fold(article("a2", "AP", "2025-06-07T18:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 4, "Four killed."))).get(0);

        assertEquals(TimelineStatus.DISPUTED, e.status());
        // The event still shows the most recent figure; the status tells the reader it is contested.
        assertEquals(4, e.killed());
        assertEquals(List.of(7, 4), e.sources().stream().map(s -> s.killed()).toList());
    }

    @Test
    void aRiseIsJudgedByPublicationTimeNotByTheOrderArticlesArrive() {
        // The afternoon's higher figure arrives first; a lower morning figure folded after it is still earlier news.
        merger.fold(article("a2", "AP", "2025-06-07T15:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 4, "Four killed.")));
        TimelineEvent e = merger.fold(article("a1", "Reuters", "2025-06-07T07:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 3, "Three killed."))).get(0);

        assertEquals(TimelineStatus.CORROBORATED, e.status());
        assertEquals(4, e.killed());
    }

    @Test
    void figuresJustInsideTheDisputeWindowConflictAndJustOutsideTheyRise() {
        DisputeRule rule = new DisputeRule(MergeRule.DISPUTE_WINDOW);
        Instant morning = Instant.parse("2025-06-07T06:00:00Z");
        DisputeRule.Figure three = new DisputeRule.Figure(3, at(morning));
        assertTrue(rule.figuresConflict(List.of(three,
                new DisputeRule.Figure(4, at(morning.plus(MergeRule.DISPUTE_WINDOW))))));
        assertFalse(rule.figuresConflict(List.of(three,
                new DisputeRule.Figure(4, at(morning.plus(MergeRule.DISPUTE_WINDOW).plusSeconds(60))))));
        // Without a publication time a difference cannot be told from a rise.
        assertTrue(rule.figuresConflict(List.of(three, new DisputeRule.Figure(4, null))));
    }

    private static Publication at(Instant instant) {
        return new Publication(instant, instant);
    }

    @Test
    void anOutletUpdatingItsOwnTollIsNotADispute() {
        merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 5, "Five killed.")));
        TimelineEvent e = merger.fold(article("a2", "Reuters", "2025-06-07T12:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 7, "Toll rises to seven."))).get(0);

        assertEquals(TimelineStatus.SINGLE_SOURCE, e.status());
        assertEquals(7, e.killed());
    }

    @Test
    void aDenialMakesTheEventDisputed() {
        merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", KHARKIV, null, "A missile hit a plant.")));
        TimelineEvent e = merger.fold(article("a2", "TASS", "2025-06-07T12:00:00Z",
                event(EventType.MISSILE_STRIKE, "2025-06-07", KHARKIV, null, "The ministry denied any strike on the plant."))).get(0);

        assertEquals(TimelineStatus.DISPUTED, e.status());
    }

    @Test
    void foldingTheSameArticleAgainChangesNothing() {
        var a = article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 5, "Five killed."));
        merger.fold(a);

        assertTrue(merger.fold(a).isEmpty());
    }

    @Test
    void aMergerStartingFromThePublishedTimelineRecognisesArticlesAlreadyFolded() {
        var a = article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 5, "Five killed."));
        List<TimelineEvent> published = merger.fold(a);
        EventMerger next = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false);

        next.reset(published);

        assertTrue(next.fold(a).isEmpty());
    }

    @Test
    void aReportInBetweenJoinsTwoEventsAndTheLaterOneIsMergedAway() {
        EventLocation west = new EventLocation("West", 50.0, 36.0, "UA", 1L, Place.EXACT);
        EventLocation east = new EventLocation("East", 50.0, 36.4, "UA", 2L, Place.EXACT);
        EventLocation middle = new EventLocation("Middle", 50.0, 36.2, "UA", 3L, Place.EXACT);
        TimelineEvent w = merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.SHELLING, "2025-06-07", west, 2, "West."))).get(0);
        TimelineEvent e = merger.fold(article("a2", "AP", "2025-06-07T07:00:00Z",
                event(EventType.SHELLING, "2025-06-07", east, 2, "East."))).get(0);

        List<TimelineEvent> out = merger.fold(article("a3", "BBC", "2025-06-07T08:00:00Z",
                event(EventType.SHELLING, "2025-06-07", middle, 2, "Middle.")));

        assertEquals(2, out.size());
        TimelineEvent survivor = out.get(0);
        TimelineEvent removal = out.get(1);
        assertEquals(java.util.Set.of(w.id(), e.id()), java.util.Set.of(survivor.id(), removal.id()));
        assertEquals(3, survivor.sourceCount());
        assertEquals(2, survivor.revision());
        assertTrue(removal.isRemoved());
        assertEquals(survivor.id(), removal.mergedInto());
        assertEquals(1, merger.size());
    }

    @Test
    void twoEventsOfOneArticleStayTwoEvents() {
        List<TimelineEvent> out = merger.fold(article("a1", "Reuters", "2025-06-07T06:00:00Z",
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 2, "Morning shelling."),
                event(EventType.SHELLING, "2025-06-07", KHARKIV, 1, "Evening shelling.")));

        assertEquals(2, out.size());
    }

    @Test
    void anArticleWithoutEventsAddsNothingUnlessThePublicationFallbackIsOn() {
        var a = article("a1", "Reuters", "2025-06-07T06:00:00Z");
        assertTrue(merger.fold(a).isEmpty());

        EventMerger withFallback = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), true);
        TimelineEvent e = withFallback.fold(a).get(0);
        assertEquals(EventType.OTHER, e.type());
        assertEquals("2025-06-07", e.date());
        assertEquals("Title a1", e.title());
        assertNull(e.killed());
    }
}
