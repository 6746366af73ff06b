package io.newsline.nlp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventType;
import io.newsline.nlp.domain.AnnotatedArticle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventExtractorTest {

    /** A Tuesday morning. */
    private static final String PUBLISHED = "2025-03-18T08:00:00Z";

    private final EventExtractor extractor = new EventExtractor();

    @Test
    void aStrikeWithItsDatePlaceTollAndSource() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .title("Glide bombs hit Dornberg")
                .body("On Sunday, Russian aircraft dropped three glide bombs on Dornberg in the Velmar region, "
                        + "killing at least four civilians and injuring 17, Governor Anna Kessler said.")
                .settlement("Dornberg", 48.1, 36.2, "UA").region("Velmar region", 48.0, 36.0, "UA")
                .person("Anna Kessler")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        Event e = events.get(0);
        assertEquals(EventType.AIR_STRIKE, e.type());
        assertEquals("glide bomb", e.subtype());
        assertEquals("2025-03-16", e.date());
        assertEquals(DatePrecision.DAY, e.datePrecision());
        assertEquals("Dornberg", e.location().name(), "a settlement is preferred to its region");
        assertEquals(48.1, e.location().lat());
        assertEquals(4, e.killed());
        assertEquals(17, e.injured());
        assertNull(e.casualties());
        assertEquals("Anna Kessler", e.attribution().source());
        assertFalse(e.attribution().hedged());
        assertTrue(e.actors().contains("Russian aircraft"), () -> "actors: " + e.actors());
        assertTrue(e.entities().contains("Anna Kessler"));
        assertTrue(e.evidence().startsWith("On Sunday, Russian aircraft"), "the body sentence is the evidence");
        assertTrue(e.confidence() > 0.5 && e.confidence() <= 1.0);
    }

    @Test
    void aDatelineIsNotTheSceneOfALeadThatDescribesItsSceneUnnamed() {
        AnnotatedArticle doc = TestArticle.publishedAt("2025-03-19T10:00:00Z")
                .title("Death toll rises to six in missile strike on a cafe in Lorvik")
                .body("DORNBERG, Velmaria (AP) — Six are now known dead after a missile wrecked a cafe in a city in "
                        + "the east, officials said Wednesday. The strike on Lorvik on Tuesday evening wounded 30 "
                        + "people as well.")
                .settlement("DORNBERG", 50.4, 30.5, "VM").settlement("Lorvik", 48.7, 37.6, "VM")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "one strike, told in the lead and named in the next line: " + events);
        Event e = events.get(0);
        assertEquals("Lorvik", e.location().name(), "the story was filed in Dornberg; the strike was in Lorvik");
        assertEquals("2025-03-18", e.date(), "on Tuesday evening; Wednesday is when officials gave the toll");
        assertEquals(6, e.killed());
        assertEquals(30, e.injured());
    }

    @Test
    void anUndatedAccountAfterADatedLeadKeepsItsDayAndAnOlderStrikeToldAfterItKeepsItsToll() {
        AnnotatedArticle doc = TestArticle.publishedAt("2025-03-19T10:00:00Z")
                .title("Glide bomb kills a woman in Lorvik")
                .body("Update in progress.",
                        "A glide bomb fell on Lorvik on March 19, and a pensioner died while five neighbours were hurt, "
                                + "city officials said.",
                        "Workshops in the Mill district took a hit as well. A bakery lost its roof, the governor said.",
                        "Enemy units also shelled the streets beside the apartment blocks in the Riverside district "
                                + "of Lorvik, the mayor said. Nobody was hurt there.",
                        "Moscow struck the \"Domus\" furniture hypermarket on March 17. That strike left at least 12 "
                                + "dead and 40 wounded, the governor said.")
                .settlement("Lorvik", 48.7, 37.6, "VM").near("Riverside district", 48.7, 37.6, "VM")
                .settlement("Moscow", 55.75, 37.62, "RU")
                .build();

        List<Event> events = extractor.extract(doc);

        Event older = events.stream().filter(e -> "2025-03-17".equals(e.date())).findFirst()
                .orElseThrow(() -> new AssertionError("the hypermarket's strike of March 17: " + events));
        assertEquals(12, older.killed());
        assertTrue(events.stream().filter(e -> e != older).noneMatch(e -> Integer.valueOf(12).equals(e.killed())),
                () -> "the hypermarket's toll stays off the 19 March attacks: " + events);
        assertTrue(events.stream().filter(e -> e != older).allMatch(e -> "2025-03-19".equals(e.date())),
                () -> "the Riverside attack is of the lead's day: " + events);
        assertTrue(events.stream().anyMatch(e -> "Riverside district".equals(e.location().name())
                && "2025-03-19".equals(e.date())), () -> "the Riverside attack, 19 March: " + events);
        assertNotEquals("Riverside district", older.location().name(), "the hypermarket is not in Riverside");
    }

    @Test
    void aDatelineIsTheSceneOfALeadThatNamesNoOtherPlace() {
        AnnotatedArticle doc = TestArticle.publishedAt("2025-03-19T10:00:00Z")
                .title("Missile kills six at a cafe")
                .body("DORNBERG, Velmaria (AP) — A missile struck a cafe on Wednesday morning, killing six people, "
                        + "officials said.")
                .settlement("DORNBERG", 50.4, 30.5, "VM")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("DORNBERG", events.get(0).location().name());
    }

    @Test
    void aFollowUpSentenceAddsItsTollToTheEvent() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("An Iskander missile struck a school in Lorvik overnight. "
                        + "The attack killed two teachers and wounded nine pupils, the mayor said.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        Event e = events.get(0);
        assertEquals(EventType.MISSILE_STRIKE, e.type());
        assertEquals("Iskander missile", e.subtype());
        assertEquals("2025-03-18", e.date(), "overnight is the night before a morning's publication");
        assertEquals(2, e.killed());
        assertEquals(9, e.injured());
        assertEquals("mayor", e.attribution().source());
    }

    @Test
    void aTollCountedAgainOnALaterDayIsAFigureOfTheHappening() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .title("18 dead as coach plunges into river near Harnsby")
                .body("At least 18 people were killed on Sunday when a coach skidded off a mountain road and plunged "
                        + "into a river near Harnsby, police said.",
                        "The death toll rose to 21 on Monday after three of the injured died in hospital.")
                .settlement("Harnsby", 47.2, 11.4, "AT")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "the headline and the later count are the crash's figures: " + events);
        Event e = events.get(0);
        assertEquals(EventType.DISASTER, e.type());
        assertEquals("accident", e.subtype());
        assertEquals("2025-03-16", e.date(), "the crash was on Sunday; Monday is when the dead were counted again");
        assertEquals(21, e.killed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "The state police have taken over the investigation, officials said.",
        "The governor, who visited the hospital on Monday, promised help for the injured.",
        "The bombing is the deadliest in the province this year.",
        "Of the nine wounded, two were in critical condition at a hospital in Lorvik on Monday.",
    })
    void whatFollowsAHappeningIsNoHappeningOfItsOwn(String sentence) {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A suicide bomber blew herself up at a bus station in Dornberg on Sunday, killing 11 people and "
                        + "wounding nine, police said.", sentence)
                .settlement("Dornberg", 48.1, 36.2, "UA").settlement("Lorvik", 48.4, 36.5, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.EXPLOSION, events.get(0).type(), "a suicide bomber is no aircraft");
        assertEquals(11, events.get(0).killed());
    }

    @Test
    void theEarlierHappeningARankingNamesIsAnEventOfItsOwnDay() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A gunman killed three people at a shopping centre in Dornberg on Sunday, police said.",
                        "The shooting is the deadliest in the region since May 4, 2022, when a man killed seven people "
                        + "at a school in Lorvik.")
                .settlement("Dornberg", 48.1, 36.2, "UA").settlement("Lorvik", 48.4, 36.5, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(2, events.size(), () -> "events: " + events);
        assertEquals(3, events.get(0).killed());
        Event earlier = events.get(1);
        assertEquals("2022-05-04", earlier.date());
        assertEquals("Lorvik", earlier.location().name());
        assertEquals(7, earlier.killed());
    }

    @Test
    void aTollOfThatYearBelongsToTheYearTheSentenceBeforeGave() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("At least eight people were killed on Sunday as police fired on protesters in Dornberg, officials said.",
                        "The unrest is the worst since May 2021, when protesters stormed the parliament in Dornberg. "
                        + "More than 60 people were killed during weeks of protests that year, rights groups say.")
                .settlement("Dornberg", 48.1, 36.2, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        Event today = events.get(0);
        assertEquals("2025-03-16", today.date());
        assertEquals(8, today.killed(), () -> "the figure of 2021 is not today's: " + events);
        assertTrue(events.stream().noneMatch(e -> e.date().startsWith("2025") && Integer.valueOf(60).equals(e.killed())),
                () -> "events: " + events);
    }

    @Test
    void aProtestToldAtItsTownAndThenAtAQuarterIsOneHappening() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Six people were killed on Sunday when police fired on protesters in Dornberg, officials said.",
                        "Most of the deaths occurred in the old quarter of Kessling, where protesters had blocked roads.",
                        "A second march is planned in Lorvik on Friday.")
                .settlement("Dornberg", 48.1, 36.2, "UA").unresolved("Kessling").settlement("Lorvik", 48.4, 36.5, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "the quarter is where the protest's deaths were: " + events);
        assertEquals("2025-03-16", events.get(0).date());
        assertEquals(6, events.get(0).killed());
    }

    @Test
    void theStepsOfAHappeningsStoryAreNoHappeningsOfTheirOwn() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A forest fire that broke out on Sunday near Harnsby has killed three people, officials said.",
                        "Officials had counted two deaths on Sunday; the toll rose to three on Monday.",
                        "Twelve aircraft dropping water and 300 firefighters battled the flames near Harnsby.",
                        "Police detained a 40-year-old man seen near the spot where the fire began.",
                        "Rescuers evacuated 200 residents of Harnsby on Monday.",
                        "Firefighters had pulled out two bodies by Sunday evening.",
                        "One of the dead, Mara Holt, 61, was a retired teacher.")
                .settlement("Harnsby", 47.2, 11.4, "AT")
                .person("Mara Holt")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "the recount, the aircraft, the arrest and the evacuation belong to the fire: "
                + events);
        assertEquals(EventType.DISASTER, events.get(0).type());
        assertEquals("2025-03-16", events.get(0).date());
        assertEquals(3, events.get(0).killed(), "an age is no toll");
    }

    @Test
    void sharesOfTheDeadByRegencyArePartsOfTheQuake() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("The death toll from a magnitude 5.9 earthquake that struck on Sunday rose to nine, officials said.",
                        "Seven of the dead were in Dornberg regency, where the quake was centred, and two in neighbouring "
                        + "Harnsby regency, a spokesman said.")
                .region("Dornberg regency", 48.1, 36.2, "UA").region("Harnsby regency", 48.3, 35.8, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(List.of(9, 7, 2), events.stream().map(Event::killed).toList(), () -> "events: " + events);
    }

    @Test
    void aTollSharedOutByPlaceGivesEachPlaceAPartOfTheHappening() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("At least eight people were killed on Sunday when storms swept the Velmar region, officials said.",
                        "Five people died in Dornberg, two in Harnsby and one in Lorvik, the agency said.")
                .region("Velmar region", 48.0, 36.0, "UA")
                .settlement("Dornberg", 48.1, 36.2, "UA").settlement("Harnsby", 48.3, 35.8, "UA")
                .settlement("Lorvik", 47.8, 36.4, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(4, events.size(), () -> "the whole and a part at each place: " + events);
        for (Event e : events) {
            assertEquals("2025-03-16", e.date(), () -> "each part is on the whole's day: " + e);
        }
        assertEquals(List.of(8, 5, 2, 1), events.stream().map(Event::killed).toList());
        assertEquals(List.of("Dornberg", "Harnsby", "Lorvik"),
                events.subList(1, 4).stream().map(e -> e.location().name()).toList());
    }

    @Test
    void aSentenceAboutTheDeadAlreadyCountedIsNoHappeningOfItsOwn() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("At least eight people were killed on Sunday when storms swept the Velmar region, officials said.",
                        "Five people died in Dornberg, two in Harnsby and one in Lorvik, the agency said.",
                        "In Dornberg, a family of five died on Monday when a landslide buried their house.",
                        "The two victims in Harnsby drowned when floodwaters swept through villages near Ostra.")
                .region("Velmar region", 48.0, 36.0, "UA")
                .settlement("Dornberg", 48.1, 36.2, "UA").settlement("Harnsby", 48.3, 35.8, "UA")
                .settlement("Lorvik", 47.8, 36.4, "UA").settlement("Ostra", 48.35, 35.7, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        List<Event> atHarnsby = events.stream().filter(e -> "Harnsby".equals(e.location().name())).toList();
        assertEquals(1, atHarnsby.size(), () -> "Harnsby's part, no flood of its own: " + events);
        assertEquals(2, atHarnsby.get(0).killed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "A bus carrying pilgrims overturned on a highway near Harnsby on Sunday, killing six. | accident",
        "Two trains collided head-on outside Harnsby on Sunday, killing six passengers.    | accident",
        "A five-storey building collapsed in Harnsby on Sunday, killing six residents.     | accident",
    })
    void accidentsAreDisastersNotBareTolls(String sentence, String subtype) {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED).body(sentence)
                .settlement("Harnsby", 47.2, 11.4, "AT").build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.DISASTER, events.get(0).type(), () -> "events: " + events);
        assertEquals(subtype, events.get(0).subtype());
        assertEquals(6, events.get(0).killed());
    }

    @Test
    void backgroundHabitsPlansAndFearsAreNoEvents() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Since the war began in February 2022, Lorvik has been shelled for months.",
                        "Analysts warn that the army could launch a new offensive on Lorvik in the spring.",
                        "Drones are a favoured weapon of both sides.",
                        "If the dam were breached, floods would reach the town within hours.",
                        "Bus crashes are common on the mountain roads around Lorvik.",
                        "Residents of Lorvik shelter from near-daily drone attacks in their cellars.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        assertEquals(List.of(), extractor.extract(doc));
    }

    @Test
    void tallyingTheWholeWarIsNoEvent() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Since the 2021 coup, the air force has carried out more than 600 air strikes on Tamba.",
                        "The war, which began in April 2023, has killed thousands and displaced millions.",
                        "The junta denies targeting civilians in the war on Tamba which it launched in May 2023, although"
                                + " many have died in frequent air strikes on Tamba.")
                .settlement("Tamba", 4.5, 12.3, "CM")
                .build();

        assertEquals(List.of(), extractor.extract(doc));
    }

    @Test
    void aNextSentenceNamingTheVillageOfTheRegionRefinesThePlace() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("An air strike on a village in the Velmar region killed 40 people on Sunday.",
                        "A jet dropped two bombs on a crowd in Ostra, witnesses said.")
                .region("Velmar region", 48.0, 36.0, "UA").settlement("Ostra", 48.2, 36.1, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("Ostra", events.get(0).location().name());
        assertEquals("2025-03-16", events.get(0).date());
        assertEquals(40, events.get(0).killed());
    }

    @Test
    void anArticleMayReportSeveralHappenings() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Government troops took control of the village of Ostra on Saturday, the defence ministry said.",
                        "In the capital Belsk, thousands of people protested against the draft law on Monday.")
                .settlement("Ostra", 47.5, 35.1, "UA").settlement("Belsk", 50.4, 30.5, "UA")
                .organisation("defence ministry")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(2, events.size(), () -> "events: " + events);
        Event capture = events.get(0);
        assertEquals(EventType.TERRITORY_CAPTURE, capture.type());
        assertEquals("Ostra", capture.location().name());
        assertEquals("2025-03-15", capture.date());
        Event protest = events.get(1);
        assertEquals(EventType.PROTEST, protest.type());
        assertEquals("Belsk", protest.location().name());
        assertEquals("2025-03-17", protest.date());
        assertNotEquals(capture.id(), protest.id());
    }

    @Test
    void twoAccountsOfOneHappeningBecomeOneEvent() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Shahed drones hit the power plant in Varna Nova on Sunday night.",
                        "Officials in Kyrena reported no damage.",
                        "Engineers said the drone strike in Varna Nova on Sunday cut power to 40,000 homes.")
                .settlement("Varna Nova", 46.5, 32.0, "UA").settlement("Kyrena", 46.9, 31.9, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.DRONE_STRIKE, events.get(0).type());
        assertEquals("2025-03-16", events.get(0).date());
    }

    @Test
    void aLaterUndatedMentionJoinsTheDatedHappening() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A missile hit the rail depot in Lorvik on Sunday, killing two people.",
                        "Rescuers worked through the night.",
                        "Cranes were brought from the capital.",
                        "Power was restored by the evening.",
                        "The missile attack also injured 12 railway workers in Lorvik.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("2025-03-16", events.get(0).date());
        assertEquals(2, events.get(0).killed());
        assertEquals(12, events.get(0).injured());
    }

    @Test
    void theSameKindOfHappeningOnDifferentDaysStaysApart() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Artillery shelled the market in Lorvik on Saturday, killing one man.",
                        "The town's railway station was shelled on March 10, injuring two workers.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(2, events.size(), () -> "events: " + events);
        assertEquals("2025-03-15", events.get(0).date());
        assertEquals(1, events.get(0).killed());
        assertEquals("2025-03-10", events.get(1).date());
        assertEquals(2, events.get(1).injured());
    }

    @Test
    void aSentenceWithoutADateTakesThePreviousOneInItsParagraph() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Heavy rain fell across the south on March 12. Floods then swept through Perin, "
                        + "forcing 300 families from their homes.",
                        "A landslide buried a road near Tolsk.")
                .settlement("Perin", 45.0, 29.0, "UA").settlement("Tolsk", 45.5, 29.5, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        Event flood = events.stream().filter(e -> e.location().name().equals("Perin")).findFirst().orElseThrow();
        assertEquals(EventType.DISASTER, flood.type());
        assertEquals("flood", flood.subtype());
        assertEquals("2025-03-12", flood.date());
        Event landslide = events.stream().filter(e -> e.location().name().equals("Tolsk")).findFirst().orElseThrow();
        assertEquals("2025-03-18", landslide.date(), "a new paragraph does not inherit the date");
    }

    @Test
    void anEventWithoutItsOwnPlaceIsPutAtTheArticlesMainPlace() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .title("Explosions rock Marrin port")
                .body("A car bomb exploded outside a police station, killing six officers.")
                .settlement("Marrin", 36.8, 10.2, "TN")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.EXPLOSION, events.get(0).type());
        assertEquals("car bomb", events.get(0).subtype());
        assertEquals("Marrin", events.get(0).location().name());
        assertEquals(6, events.get(0).killed());
        assertEquals("2025-03-18", events.get(0).date(), "no time given: the publication day");
    }

    @Test
    void aCapitalThatActsIsNotTheScene() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .title("Glide bombs hit Marrin")
                .body("Glide bombs hit an industrial area of Marrin on Monday, killing two workers.",
                        "Velgrad's forces also shelled a bus depot on Monday, injuring three drivers.")
                .settlement("Marrin", 36.8, 10.2, "TN").settlement("Velgrad", 55.7, 37.6, "RU")
                .build();

        List<Event> events = extractor.extract(doc);

        assertTrue(events.stream().noneMatch(e -> "Velgrad".equals(e.location().name())), () -> "events: " + events);
        assertTrue(events.stream().allMatch(e -> "Marrin".equals(e.location().name())), () -> "events: " + events);
    }

    @Test
    void aCapitalHitByMissilesIsTheScene() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .title("Velgrad hit by drones overnight")
                .body("Velgrad was hit by a swarm of drones overnight, injuring four residents.")
                .settlement("Velgrad", 55.7, 37.6, "RU")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("Velgrad", events.get(0).location().name());
    }

    @Test
    void aStormNamedLikeATownIsNotItsPlace() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .title("Hurricane Dorran tears through the coast")
                .body("Hurricane Dorran made landfall near Port Selby on Monday night.")
                .settlement("Dorran", 40.0, -80.0, "US").settlement("Port Selby", 27.3, -82.5, "US")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("Port Selby", events.get(0).location().name());
        assertEquals("2025-03-17", events.get(0).date());
    }

    @Test
    void aLaunchSiteIsNotWhereTheStrikeHappened() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Bombers fired cruise missiles from Kestria at the port of Odal on Monday.")
                .country("Kestria", 53.0, 28.0, "KE").settlement("Odal", 46.4, 30.7, "UA")
                .build();

        Event e = extractor.extract(doc).get(0);

        assertEquals("Odal", e.location().name());
        assertEquals(EventType.MISSILE_STRIKE, e.type());
    }

    @Test
    void aClaimDoubtedInTheNextSentenceIsHedged() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("The separatist commander announced on March 14 that his fighters had captured Hollin.",
                        "This claim could not be verified by independent sources.")
                .settlement("Hollin", 48.3, 38.0, "UA")
                .build();

        Event e = extractor.extract(doc).get(0);

        assertEquals(EventType.TERRITORY_CAPTURE, e.type());
        assertEquals("2025-03-14", e.date());
        assertTrue(e.attribution().hedged());
    }

    @Test
    void aReportedRangeKeepsItsEnd() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("The ministry said the enemy suffered about 2,400 casualties between March 3 and 9.")
                .build();

        Event e = extractor.extract(doc).get(0);

        assertEquals(EventType.CASUALTY_REPORT, e.type());
        assertEquals(2400, e.casualties());
        assertEquals("2025-03-03", e.date());
        assertEquals("2025-03-09", e.dateEnd());
        assertEquals("ministry", e.attribution().source());
    }

    @Test
    void aMonthIsAMonthPreciseDate() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Rebels seized the airport of Tamba in January, residents said.")
                .settlement("Tamba", 4.5, 12.3, "CM")
                .build();

        Event e = extractor.extract(doc).get(0);

        assertEquals("2025-01", e.date());
        assertEquals(DatePrecision.MONTH, e.datePrecision());
    }

    @Test
    void aTollAnnouncedLaterBelongsToTheHappeningTheArticleToldFirst() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A strong earthquake struck the hills east of Sarel on Sunday, toppling hundreds of houses.",
                        "Officials said on Monday that 212 people had been killed and more than 1,500 injured.")
                .settlement("Sarel", 38.0, 27.0, "TR")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("2025-03-16", events.get(0).date(), "the day of the quake, not of the announcement");
        assertEquals(212, events.get(0).killed());
        assertEquals(1500, events.get(0).injured());
    }

    @Test
    void plansAndWinsAreNoHappeningsOfTheirKind() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .title("Reform party wins landslide in Belsk vote")
                .body("Talks on a truce are expected to resume in Belsk on Thursday.")
                .settlement("Belsk", 50.4, 30.5, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertTrue(events.stream().noneMatch(e -> e.type() == EventType.DISASTER), () -> "events: " + events);
        assertTrue(events.stream().noneMatch(e -> e.type() == EventType.DIPLOMACY), () -> "events: " + events);
    }

    @Test
    void idsAreStableAcrossRuns() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("An earthquake of magnitude 6.1 struck Sarel on Monday.")
                .settlement("Sarel", 38.0, 27.0, "TR")
                .build();

        assertEquals(extractor.extract(doc).get(0).id(), new EventExtractor().extract(doc).get(0).id());
    }

    @Test
    void garbledAndHugeTextIsReadWithoutFailing() {
        String noise = "}{;;:: 99999999999999 killed ,,, on February 31 between 40 and 2 June — 3-year-old  \u0000 ";
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 200_000) {
            huge.append("Rockets hit Lorvik on Monday, killing 3 people. ").append(noise).append('\n');
        }
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED).title(noise).body(huge.toString())
                .settlement("Lorvik", 50.0, 30.0, "UA").build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), "one happening, told many times");
        assertEquals(3, events.get(0).killed());
    }

    @Test
    void aStrikeWithoutItsWeaponIsStillAStrike() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Kestrian strikes hit the port of Odal overnight.")
                .settlement("Odal", 46.4, 30.7, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.MISSILE_STRIKE, events.get(0).type());
        assertEquals("Odal", events.get(0).location().name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "The teachers' strike on Monday closed schools in Lorvik.",
        "Inflation in Lorvik hit a record on Monday.",
        "Officials fear the dam in Lorvik could burst.",
    })
    void wordsOfViolenceOutsideViolenceMakeNoEvent(String sentence) {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED).body(sentence)
                .settlement("Lorvik", 50.0, 30.0, "UA").build();

        assertEquals(List.of(), extractor.extract(doc));
    }

    @Test
    void aModalAfterTheHappeningDoesNotUndoIt() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Government troops captured Ostra, the ministry said, in a move that may open the road north.")
                .settlement("Ostra", 47.5, 35.1, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.TERRITORY_CAPTURE, events.get(0).type());
    }

    @Test
    void anEmptyArticleHasNoEvents() {
        assertEquals(List.of(), extractor.extract(TestArticle.publishedAt(PUBLISHED).build()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "A guided aerial bomb hit a hospital in Lorvik on Monday.                   | AIR_STRIKE          | guided aerial bomb",
        "Russian forces shelled Lorvik with Grad rockets on Monday.                 | SHELLING            | Grad MLRS",
        "Artillery fire damaged a bridge in Lorvik on Monday.                       | SHELLING            | artillery",
        "Two Shahed drones struck an oil depot in Lorvik on Monday.                 | DRONE_STRIKE        | Shahed drone",
        "A ballistic missile hit the rail yard in Lorvik on Monday.                 | MISSILE_STRIKE      | ballistic missile",
        "Troops liberated Lorvik on Monday, the general staff said.                 | TERRITORY_CAPTURE   | capture",
        "Infantry units stormed enemy positions near Lorvik on Monday.              | GROUND_ASSAULT      | assault",
        "Gunmen opened fire on civilians at a market in Lorvik on Monday.           | ATTACK_ON_CIVILIANS | attack on civilians",
        "A blast ripped through a chemical plant in Lorvik on Monday.               | EXPLOSION           | explosion",
        "A magnitude 5.8 earthquake shook Lorvik on Monday.                         | DISASTER            | earthquake",
        "Farmers protested outside the parliament in Lorvik on Monday.              | PROTEST             | protest",
        "Rioters looted shops in Lorvik on Monday.                                  | RIOT                | riot",
        "A shop owner was stabbed during a robbery in Lorvik on Monday.             | CRIME               | crime",
        "The two foreign ministers met in Lorvik on Monday.                         | DIPLOMACY           | diplomatic meeting",
        "Allies announced a new military aid package for the army in Lorvik on Monday. | MILITARY_AID     | military aid",
        "Authorities evacuated 2,000 residents from Lorvik on Monday.               | DISPLACEMENT        | displacement",
    })
    void classifiesTheKindOfHappening(String sentence, EventType type, String subtype) {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED).body(sentence)
                .settlement("Lorvik", 50.0, 30.0, "UA").build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(type, events.get(0).type());
        assertEquals(subtype, events.get(0).subtype());
        assertEquals("2025-03-17", events.get(0).date());
        assertEquals("Lorvik", events.get(0).location().name());
    }
    private static final String TOLL = "The number of people killed in Sunday's Russian air strike on Dornberg has risen "
            + "to five, the mayor said on Monday.";
    private static final String HOW = "According to the governor, the attack on the Kalyna district was carried out "
            + "with glide bombs dropped from Russian jets.";

    @Test
    void anUndatedSentenceAboutTheAttackOnADistrictRefinesTheEventInsteadOfStartingOne() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body(TOLL, HOW)
                .settlement("Dornberg", 48.1, 36.2, "UA").near("Kalyna district", 48.1, 36.2, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        Event e = events.get(0);
        assertEquals(EventType.AIR_STRIKE, e.type());
        assertEquals("2025-03-16", e.date(), "Sunday's strike, not the publication day");
        assertEquals("Dornberg", e.location().name(), "a district of the town does not move or split the event");
        assertEquals("glide bomb", e.subtype(), "the later sentence names the weapon");
    }

    @Test
    void anUnresolvedPlaceInTheFollowUpDoesNotSplitTheEvent() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body(TOLL, HOW)
                .settlement("Dornberg", 48.1, 36.2, "UA").unresolved("Kalyna district")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("2025-03-16", events.get(0).date());
        assertEquals("Dornberg", events.get(0).location().name());
    }

    @Test
    void theAttackOnAnotherTownIsAnotherHappening() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body(TOLL, "According to the governor, the attack on Lorvik was carried out with glide bombs "
                        + "dropped from Russian jets.")
                .settlement("Dornberg", 48.1, 36.2, "UA").settlement("Lorvik", 49.0, 37.5, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(2, events.size(), () -> "events: " + events);
        assertEquals(List.of("Dornberg", "Lorvik"), events.stream().map(e -> e.location().name()).toList());
    }

    @Test
    void aFireOrCollapseAfterAStrikeIsPartOfIt() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A Russian missile hit a warehouse in Lorvik on Monday, killing two workers.",
                        "Firefighters said the blaze was put out by the evening.",
                        "As a result, flames spread to the neighbouring yard.",
                        "Two houses collapsed after the strike, the mayor said.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "a consequence is no happening of its own: " + events);
        assertEquals(EventType.MISSILE_STRIKE, events.get(0).type());
        assertEquals(2, events.get(0).killed());
    }

    @Test
    void aSecondStrikeOfTheSameKindOnTheSameDayIsAnotherEvent() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A Russian airstrike on a Lorvik bakery on Sunday killed five people, the governor said.",
                        "The mayor also reported a second airstrike on the city's port.",
                        "Later he said the second airstrike had injured seven people.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(2, events.size(), () -> "events: " + events);
        assertEquals(5, events.get(0).killed());
        assertNull(events.get(0).injured(), "the second strike's toll is not the first's");
        assertEquals(7, events.get(1).injured());
        assertEquals("port", events.get(1).signature().target());
    }

    @Test
    void anUndatedLedeTakesTheDateTheBodyGivesTheSameStrike() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Russian forces shelled the town of Lorvik with Grad rockets, local officials said.",
                        "On the night of March 16, the shells struck a depot on the edge of the town.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("2025-03-16", events.get(0).date());
    }

    @Test
    void aDangerAConcessionAndASettingAreNoHappenings() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Engineers said the heavy rain on Monday raised the risk of landslides in the hills above Lorvik.",
                        "The governor ordered the army to guard the dam at Lorvik, despite its capture early in the war.",
                        "The raid on Dornberg came amid a wider push in the region, where troops captured a village.")
                .settlement("Lorvik", 50.0, 30.0, "UA").settlement("Dornberg", 48.1, 36.2, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertTrue(events.stream().noneMatch(e -> e.type() == EventType.DISASTER), () -> "a risk is no landslide: " + events);
        assertTrue(events.stream().noneMatch(e -> e.type() == EventType.TERRITORY_CAPTURE),
                () -> "a capture in a concession or a setting is background: " + events);
    }

    @Test
    void theTallyOfACampaignIsNoHappening() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("The spring offensive has displaced about 9,000 residents of the valley.",
                        "Government troops have intensified their attacks on the northern hills.")
                .build();

        assertEquals(List.of(), extractor.extract(doc));
    }

    @Test
    void aPartOfATollAtAPlaceOfItsOwnIsItsOwnEvent() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Floods swept across the Velmar region on Monday, killing 11 people.",
                        "Among those killed were four members of one family in Ostrava Mala.")
                .region("Velmar region", 48.0, 36.0, "UA").unresolved("Ostrava Mala")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(2, events.size(), () -> "events: " + events);
        assertEquals(11, events.get(0).killed(), "the total stays the whole's");
        assertEquals("Ostrava Mala", events.get(1).location().name());
        assertEquals(4, events.get(1).killed());
        assertEquals(events.get(0).date(), events.get(1).date());
        assertEquals(EventType.DISASTER, events.get(1).type());
    }

    @Test
    void aDefiniteSubjectIsTheHappeningAlreadyToldNotTheSentencesNews() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("A 4.1-magnitude earthquake shook Lorvik on Monday.",
                        "The Lorvik earthquake came hours after a 6.0-magnitude earthquake struck Dornberg on Sunday.",
                        "The earthquake was felt in Velmar on Monday as well.")
                .settlement("Lorvik", 50.0, 30.0, "UA").settlement("Dornberg", 48.1, 36.2, "UA")
                .settlement("Velmar", 49.0, 31.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(2, events.size(), () -> "events: " + events);
        assertEquals("Lorvik", events.get(0).location().name());
        assertEquals("2025-03-17", events.get(0).date());
        assertEquals("Dornberg", events.get(1).location().name(), "the indefinite earthquake is the news");
        assertEquals("2025-03-16", events.get(1).date());
    }

    @Test
    void theEventCarriesTheSignatureItsSentencesGive() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Around 00:40 on Monday, two S-300 missiles hit a lyceum in the Zarichnyi district of Lorvik.",
                        "The strike injured three guards, the mayor said.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        var sig = events.get(0).signature();
        assertEquals("00:40", sig.time());
        assertEquals("night", sig.timeOfDay());
        assertEquals("lyceum", sig.target());
        assertEquals("S-300 missile", sig.weapon());
        assertEquals("Zarichnyi district", sig.district());
    }

    @Test
    void afterAnOverviewOfSeveralCommunitiesEachOneNamedIsItsOwnStrike() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("Overnight, drones struck several communities of the Velmar region, the governor said.",
                        "In the Lorvik community, a drone hit a barn.",
                        "In the Dornberg community, a drone damaged a shop.")
                .region("Velmar region", 48.0, 36.0, "UA")
                .settlement("Lorvik", 48.2, 36.1, "UA").settlement("Dornberg", 48.1, 36.2, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertTrue(events.stream().anyMatch(e -> e.location() != null && "Lorvik".equals(e.location().name())),
                () -> "events: " + events);
        assertTrue(events.stream().anyMatch(e -> e.location() != null && "Dornberg".equals(e.location().name())),
                () -> "events: " + events);
    }

    @Test
    void contextOfAnotherKindWithNoDateOrPlaceIsNoEvent() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("On Sunday, missiles hit the port of Lorvik, killing three dockers.",
                        "Allies have meanwhile announced a new military aid package.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(EventType.MISSILE_STRIKE, events.get(0).type());
    }

    @Test
    void aRisingTollDatedByItsStatementIsTheHappeningTheBodyDates() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("The death toll from a missile strike on a cafe in Lorvik has risen to nine, officials said on Tuesday.",
                        "Two missiles struck the cafe on Monday evening, as it filled with diners.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("2025-03-17", events.get(0).date(), "the day it happened, not the day the figure was given");
        assertEquals(9, events.get(0).killed());
        assertEquals("evening", events.get(0).signature().timeOfDay());
    }

    @Test
    void anEarlierHappeningRecalledInAClauseLendsTheNewOneNothing() {
        AnnotatedArticle doc = TestArticle.publishedAt(PUBLISHED)
                .body("After an earlier missile attack on a school in Lorvik, another strike hit the city's port on Monday,"
                        + " injuring six dockers.")
                .settlement("Lorvik", 50.0, 30.0, "UA")
                .build();

        List<Event> events = extractor.extract(doc);

        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals(6, events.get(0).injured());
        assertEquals("port", events.get(0).signature().target(), "the school belongs to the earlier attack");
    }
}
