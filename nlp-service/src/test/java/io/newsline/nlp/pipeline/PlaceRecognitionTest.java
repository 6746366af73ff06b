package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.AnnotatedArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The place rules on sentences written for these tests: what the CRF misses or mistakes for a place. */
class PlaceRecognitionTest {

    private static AnnotatedArticle annotate(String title, String body) {
        Article a = new Article("t", title, body, null, null, "2025-03-14T10:00:00Z", "en", null, null);
        return Models.pipeline().annotate(EnrichmentPipeline.normalised(a));
    }

    private static List<String> places(AnnotatedArticle doc) {
        return doc.places().stream().map(Place::name).toList();
    }

    private static List<String> locations(AnnotatedArticle doc) {
        return doc.entities().stream().filter(e -> e.type() == EntityType.LOCATION).map(Entity::text).toList();
    }

    @Test
    void aCommunityNamedAfterItsTownIsAPlace() {
        AnnotatedArticle doc = annotate("Night attack",
                "Drones hit homes in the Krasnopillia community and in the Velyka Pysarivka community overnight.");
        List<String> found = locations(doc);
        assertTrue(found.contains("Krasnopillia community") && found.contains("Velyka Pysarivka community"), found.toString());
    }

    @Test
    void aMemberOfAListOfPlacesIsAPlace() {
        AnnotatedArticle doc = annotate("Rain warning",
                "Flood warnings were issued for Galle, Matara and Kegalle after a night of rain.");
        assertTrue(places(doc).containsAll(List.of("Galle", "Matara", "Kegalle")), doc.entities().toString());
    }

    @Test
    void aTownTakenForAPersonAtTheStartOfAQuoteIsAPlace() {
        AnnotatedArticle doc = annotate("Blasts reported",
                "\"Bila Tserkva - two blasts near the station,\" the mayor wrote.");
        assertTrue(places(doc).contains("Bila Tserkva"), doc.entities().toString());
        assertTrue(doc.entities().stream().noneMatch(e -> e.type() == EntityType.PERSON), doc.entities().toString());
    }

    @Test
    void streetsAreNoPlacesOfTheMap() {
        AnnotatedArticle doc = annotate("Crash",
                "A bus crashed on Lindenhof Street in Graz after its brakes failed.");
        assertFalse(locations(doc).stream().anyMatch(n -> n.contains("Street")), doc.entities().toString());
        assertTrue(places(doc).contains("Graz"));
    }

    @Test
    void infrastructureNamedAfterATownIsAPlaceAndAChemicalPlantAnOrganisation() {
        AnnotatedArticle doc = annotate("Plant hit",
                "Drones struck near the Rivne nuclear power plant and the Rivneazot chemical plant.");
        assertTrue(locations(doc).contains("Rivne nuclear power plant"), doc.entities().toString());
        assertTrue(doc.entities().stream().anyMatch(e -> e.type() == EntityType.ORGANIZATION
                && e.text().contains("chemical plant")), doc.entities().toString());
    }

    @Test
    void aNaturalFeatureNamedInTheTextIsAPlaceWithoutCoordinates() {
        AnnotatedArticle doc = annotate("Flash flood",
                "The Serrano ravine burst its banks and swept cars into the fields.");
        Place ravine = doc.places().stream().filter(p -> p.name().equals("Serrano ravine")).findFirst()
                .orElseThrow(() -> new AssertionError(doc.entities().toString()));
        assertEquals(null, ravine.lat());
    }

    @Test
    void aLevelPhraseOfAKnownPlaceIsTwoPlaces() {
        AnnotatedArticle doc = annotate("Gunmen attack",
                "Gunmen attacked Tudun Wada in the Bokkos Local Government Area of Plateau State on Sunday.");
        List<String> found = locations(doc);
        assertTrue(found.contains("Plateau State"), found.toString());
        assertFalse(found.stream().anyMatch(n -> n.contains(" of ")), found.toString());
    }

    @Test
    void aHeadlineRunOfCapitalisedWordsKeepsOnlyItsPlaces() {
        AnnotatedArticle doc = annotate("Rebels Claim Capture Of Strategic Northern Mali Town Near Gao",
                "Rebels said they had captured a town near Gao in northern Mali on Saturday.");
        List<String> found = locations(doc);
        assertTrue(found.contains("Gao") && found.contains("Mali"), found.toString());
        assertFalse(found.stream().anyMatch(n -> n.contains("Capture") || n.contains("Strategic")), found.toString());
    }

    @Test
    void aHeadlineKeepsTheCaseOfAMultiWordPlaceName() {
        AnnotatedArticle doc = annotate("Heat Wave Grips New Delhi As Power Cuts Spread",
                "Temperatures rose above 45C in the capital on Monday, and new power cuts were announced.");
        assertTrue(locations(doc).contains("New Delhi"), doc.entities().toString());
    }

    @Test
    void aKickerIsNoName() {
        AnnotatedArticle doc = annotate("BREAKING: Quake Shakes Izmir",
                "A strong earthquake shook Izmir on Friday, officials said.");
        assertFalse(doc.entities().stream().anyMatch(e -> e.text().contains("BREAKING")), doc.entities().toString());
    }

    @Test
    void aPlaceNameTaggedOnceIsAPlaceAtTheStartOfASentenceToo() {
        AnnotatedArticle doc = annotate("Strikes on the coast",
                "Missiles hit the port in Mykolaiv overnight. Mykolaiv has been shelled for weeks.");
        Place city = doc.places().stream().filter(p -> p.matchedText().contains("Mykolaiv")).findFirst().orElseThrow();
        assertEquals(2, city.mentions().size(), city.toString());
    }

    @Test
    void anAllCapitalsCountryInAHeadlineIsAPlace() {
        AnnotatedArticle doc = annotate("Storm Warning Issued Across US",
                "Forecasters warned of storms across the country, and told us to stay indoors.");
        assertTrue(places(doc).contains("United States"), doc.entities().toString());
    }

    @Test
    void aPlaceTheRecogniserCutShortTakesItsOtherWords() {
        AnnotatedArticle doc = annotate("Heat",
                "NEW DELHI — Heat closed schools across the capital. Farmers in Rio Grande do Sul lost crops.");
        List<String> found = locations(doc);
        assertTrue(found.contains("NEW DELHI") && found.contains("Rio Grande do Sul"), found.toString());
    }

    @Test
    void aPlaceBeforeCapitalisedWordsEndingInABodyNounIsOneOrganisation() {
        AnnotatedArticle doc = annotate("Arrest made",
                "The Tulsa Police Department arrested a man on Friday, and the Lagos State Police Command confirmed a raid.");
        List<String> orgs = doc.entities().stream().filter(e -> e.type() == EntityType.ORGANIZATION).map(Entity::text).toList();
        assertTrue(orgs.contains("Tulsa Police Department") && orgs.contains("Lagos State Police Command"), orgs.toString());
    }

    @Test
    void theCapitalsOfADatelineNameAPlace() {
        AnnotatedArticle doc = annotate("Storm hits the coast",
                "TIRANA — Floods cut roads across the south of the country on Sunday, police said.");
        assertTrue(locations(doc).contains("TIRANA"), doc.entities().toString());
        AnnotatedArticle kicker = annotate("Storm hits the coast",
                "UPDATE — Floods cut roads across the south of the country on Sunday, police said.");
        assertFalse(locations(kicker).contains("UPDATE"), kicker.entities().toString());
    }

    @Test
    void aCompassWordAndANameTogetherNameARegion() {
        AnnotatedArticle doc = annotate("Landslide toll rises",
                "A landslide buried houses in the hills of Central Java on Monday, and a strong earthquake shook "
                + "North Kivu on Sunday.");
        List<String> found = locations(doc);
        assertTrue(found.contains("Central Java") && found.contains("North Kivu"), found.toString());
        AnnotatedArticle wind = annotate("Cold snap", "A bitter North wind swept the plains on Monday.");
        assertFalse(locations(wind).stream().anyMatch(n -> n.contains("North")), wind.entities().toString());
    }

    @Test
    void aNigerianLocalGovernmentAreaIsOnePlace() {
        AnnotatedArticle doc = annotate("Attack in Borno",
                "Gunmen attacked a village in Gwoza local government area of Borno State on Sunday, police said.");
        assertTrue(locations(doc).contains("Gwoza local government area"), doc.entities().toString());
    }

    @Test
    void aNamedBuildingIsAPlaceInTheTownTheStoryIsAbout() {
        AnnotatedArticle doc = annotate("Fire in Thane",
                "A fire gutted the five-storey Harbour View Building in Thane on Sunday. Firefighters in Thane said the "
                + "blaze started in a shop on the ground floor.");
        Place building = doc.places().stream().filter(p -> p.name().equals("Harbour View Building")).findFirst()
                .orElseThrow(() -> new AssertionError(doc.places().toString()));
        assertEquals(Place.NEAR, building.precision(), building.toString());
        assertTrue(places(doc).contains("Thane"), "shown as the article writes it, not as Thāne: " + places(doc));
        assertTrue(Math.abs(building.lat() - 19.2) < 0.1 && Math.abs(building.lon() - 72.97) < 0.1, building.toString());
    }
}
