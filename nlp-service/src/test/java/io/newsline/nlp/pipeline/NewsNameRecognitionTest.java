package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Mention;
import io.newsline.nlp.domain.AnnotatedArticle;
import io.newsline.nlp.domain.NameMention;
import io.newsline.nlp.domain.Sentence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recogniser with its rules, on sentences written for these tests in the style of wire news. */
class NewsNameRecognitionTest {

    private static AnnotatedArticle annotate(String title, String body) {
        return annotate(title, body, null);
    }

    private static AnnotatedArticle annotate(String title, String body, String source) {
        Article a = new Article("t", title, body, null, source, "2025-03-14T10:00:00Z", "en", null, null);
        return Models.pipeline().annotate(EnrichmentPipeline.normalised(a));
    }

    private static Optional<Entity> entity(AnnotatedArticle doc, String text) {
        return doc.entities().stream().filter(e -> e.text().equals(text)).findFirst();
    }

    private static List<String> names(AnnotatedArticle doc, EntityType type) {
        return doc.entities().stream().filter(e -> e.type() == type).map(Entity::text).toList();
    }

    @Test
    void titlesStayOutsideThePersonAndASurnameJoinsTheFullName() {
        AnnotatedArticle doc = annotate("Officials visit the south",
                "Regional Governor Petro Kovalenko met Mayor Hanna Shevchuk in Odesa on Friday. "
                        + "Kovalenko said repairs would take weeks.");

        assertEquals(List.of("Petro Kovalenko", "Hanna Shevchuk"), names(doc, EntityType.PERSON));
        Entity governor = entity(doc, "Petro Kovalenko").orElseThrow();
        assertEquals(2, governor.mentions().size(), "the surname alone is the same person");
    }

    @Test
    void aRegionNounBelongsToThePlaceName() {
        AnnotatedArticle doc = annotate("Shelling reported",
                "Shelling damaged homes in the Zaporizhzhia region overnight, officials said.");

        assertTrue(names(doc, EntityType.LOCATION).contains("Zaporizhzhia region"), names(doc, EntityType.LOCATION).toString());
    }

    @Test
    void anAcronymInBracketsNamesTheOrganisationToo() {
        AnnotatedArticle doc = annotate("Inspectors arrive",
                "The International Atomic Energy Agency (IAEA) sent inspectors to the site. "
                        + "An IAEA spokesperson said the team would stay for a week.");

        assertEquals(List.of("International Atomic Energy Agency", "IAEA"), names(doc, EntityType.ORGANIZATION));
        assertEquals(2, entity(doc, "IAEA").orElseThrow().mentions().size());
    }

    @Test
    void anAcronymSpelledByItsExpansionMakesBothOrganisations() {
        AnnotatedArticle doc = annotate("Warnings issued",
                "The Coastal Hazards Response Bureau (CHRB) told residents of Lowmere to leave. "
                        + "Later the CHRB said the warning would stay in place.");

        List<String> orgs = names(doc, EntityType.ORGANIZATION);
        assertTrue(orgs.contains("Coastal Hazards Response Bureau") && orgs.contains("CHRB"), orgs.toString());
    }

    @Test
    void anAcronymAfterALowerCaseDescriptionOrCitedAsASourceIsAnOrganisation() {
        AnnotatedArticle doc = annotate("Quake felt in the valley",
                "A 5.2-magnitude quake shook the valley, the national seismic monitoring agency (NSMA) said. "
                        + "Aftershocks followed within minutes, according to the GRSN.");

        List<String> orgs = names(doc, EntityType.ORGANIZATION);
        assertTrue(orgs.contains("NSMA") && orgs.contains("GRSN"), orgs.toString());
    }

    @Test
    void anAcronymItsExpansionCannotSpellIsNotForcedOnIt() {
        AnnotatedArticle doc = annotate("Troops redeployed",
                "Some 900 soldiers of the Northern Rifle Brigade (QXZ) moved east on Sunday.");

        assertFalse(names(doc, EntityType.ORGANIZATION).contains("QXZ"), doc.entities().toString());
    }

    @Test
    void aBodyDescribedInLowerCaseAfterItsPlaceIsAnOrganisation() {
        AnnotatedArticle doc = annotate("Water cut",
                "Secretary of the Odesa city council Maria Ilchenko said repairs had begun. The head of the "
                        + "Poltava regional state administration said buses would run.");

        List<String> orgs = names(doc, EntityType.ORGANIZATION);
        assertTrue(orgs.contains("Odesa city council") && orgs.contains("Poltava regional state administration"),
                orgs.toString());
    }

    @Test
    void anOutletNamedLikeAPersonIsAnOrganisationAfterItsNoun() {
        AnnotatedArticle doc = annotate("Blackout",
                "Power went out across the district, public broadcaster Radio Lemberg reported, and the daily "
                        + "Marta Veselka said repairs would take days.");

        List<String> orgs = names(doc, EntityType.ORGANIZATION);
        assertTrue(orgs.contains("Radio Lemberg") && orgs.contains("Marta Veselka"), doc.entities().toString());
        assertFalse(names(doc, EntityType.PERSON).contains("Marta Veselka"));
    }

    @Test
    void aPlatformNamedAsTheChannelOfAStatementIsNoOrganisation() {
        AnnotatedArticle doc = annotate("Governor speaks",
                "Governor Ivan Sirko said on Telegram that two drones were downed. He later wrote on his "
                        + "Facebook page that the roads were open.");

        List<String> orgs = names(doc, EntityType.ORGANIZATION);
        assertFalse(orgs.contains("Telegram") || orgs.contains("Facebook"), orgs.toString());
    }

    @Test
    void aNationalityBeforeAnInstitutionIsPartOfItsName() {
        AnnotatedArticle doc = annotate("Statement issued",
                "The Polish Ministry of Foreign Affairs summoned the ambassador on Tuesday.");

        assertTrue(names(doc, EntityType.ORGANIZATION).contains("Polish Ministry of Foreign Affairs"),
                names(doc, EntityType.ORGANIZATION).toString());
    }

    @Test
    void aNamedFactoryIsAnOrganisation() {
        AnnotatedArticle doc = annotate("Plant hit",
                "Drones struck the Vostok chemical plant near the border before dawn.");

        assertTrue(names(doc, EntityType.ORGANIZATION).contains("Vostok chemical plant"),
                names(doc, EntityType.ORGANIZATION).toString());
    }

    @Test
    void aNamedHospitalOrSchoolIsAnOrganisationNotAPersonOrPlace() {
        AnnotatedArticle doc = annotate("Clashes in the capital",
                "Nine wounded protesters were taken to Mwangi Kariuki National Hospital on Tuesday, and pupils of"
                        + " Riverside Covenant School were sent home. A school in Lorvik also closed.");

        List<String> orgs = names(doc, EntityType.ORGANIZATION);
        assertTrue(orgs.contains("Mwangi Kariuki National Hospital"), orgs.toString());
        assertTrue(orgs.contains("Riverside Covenant School"), orgs.toString());
        assertFalse(names(doc, EntityType.PERSON).contains("Mwangi Kariuki"), names(doc, EntityType.PERSON).toString());
    }

    @Test
    void aGroupNamedAfterAPlaceBeforeItsInitialsIsAnOrganisation() {
        AnnotatedArticle doc = annotate("Raid on a garrison town",
                "Fighters of the Islamic State West Africa Province (ISWAP) raided the town, while troops from the"
                        + " Democratic Republic of Congo (DRC) held the bridge.");

        List<String> orgs = names(doc, EntityType.ORGANIZATION);
        assertTrue(orgs.contains("Islamic State West Africa Province"), orgs.toString());
        assertFalse(orgs.contains("Democratic Republic of Congo"), orgs.toString());
    }

    @Test
    void emailAddressesAndWeaponsAreNotNames() {
        AnnotatedArticle doc = annotate("Strike on the city",
                "Russia fired Iskander missiles at Dnipro on Monday.\nContact the author: olena.marchenko@example.org");

        assertFalse(doc.entities().stream().anyMatch(e -> e.text().contains("marchenko")), doc.entities().toString());
        assertFalse(names(doc, EntityType.LOCATION).contains("Iskander"));
        assertTrue(names(doc, EntityType.LOCATION).contains("Dnipro"));
    }

    @Test
    void theOutletThatPublishedTheArticleIsAnOrganisation() {
        AnnotatedArticle doc = annotate("Weekly briefing",
                "Readers of The Frontline Ledger asked about the new rules.", "The Frontline Ledger");

        assertTrue(names(doc, EntityType.ORGANIZATION).stream().anyMatch(n -> n.contains("Frontline Ledger")),
                doc.entities().toString());
    }

    @Test
    void headlineCaseWordsAreNotTakenForNames() {
        AnnotatedArticle doc = annotate("Floods Force Thousands From Homes Across Bavaria",
                "Rising rivers forced thousands of people from their homes across Bavaria, where rescue "
                        + "teams worked through the night to reach stranded villages.");

        for (Entity e : doc.entities()) {
            assertFalse(e.text().contains("Floods") || e.text().contains("Thousands") || e.text().contains("Homes"),
                    doc.entities().toString());
        }
    }

    @Test
    void pronounsAreNeverEntities() {
        AnnotatedArticle doc = annotate("Minister speaks",
                "Foreign Minister Andrii Sybiha spoke in Brussels. He said they would press on.");

        assertFalse(doc.entities().stream().anyMatch(e -> e.text().equals("He") || e.text().equals("They")));
    }

    @Test
    void offsetsIndexTheNormalisedTextInUtf16Units() {
        // The emoji is two UTF-16 units; the name after it must still be found at its exact offsets.
        String body = "🚀 Missiles hit Kharkiv overnight, Governor Oleh Syniehubov said.\r\nMore strikes followed.";
        AnnotatedArticle doc = annotate("Strikes on Kharkiv", body);
        String normalisedBody = doc.article().body();

        for (NameMention m : doc.mentions()) {
            String field = m.field().equals(Mention.TITLE) ? doc.article().title() : normalisedBody;
            assertEquals(m.text(), field.substring(m.start(), m.end()));
        }
        for (Sentence s : doc.sentences()) {
            String field = s.field().equals(Mention.TITLE) ? doc.article().title() : normalisedBody;
            assertEquals(s.text(), field.substring(s.start(), s.end()));
        }
        Entity city = entity(doc, "Kharkiv").orElseThrow();
        assertTrue(city.mentions().contains(new Mention(Mention.BODY, normalisedBody.indexOf("Kharkiv"),
                normalisedBody.indexOf("Kharkiv") + 7)));
        assertEquals(3, doc.sentences().size(), "title, and a sentence per body line");
    }

    @Test
    void bylinesAndPortfoliosAreNotEntitiesOfTheStory() {
        AnnotatedArticle doc = annotate("Quake aftermath",
                "Interior Minister Selin Aydin said rescue teams reached the town. "
                        + "Secretary of State Mark Reeve arrived on Sunday.\n"
                        + "Reporting by Tomas Berg; editing by Clara Holt");

        assertEquals(List.of("Selin Aydin", "Mark Reeve"), names(doc, EntityType.PERSON));
        assertTrue(names(doc, EntityType.ORGANIZATION).isEmpty(), names(doc, EntityType.ORGANIZATION).toString());
    }

    @Test
    void aBodyNamedOfThePlaceItServesIsOneOrganisation() {
        AnnotatedArticle doc = annotate("Strike called",
                "The Law Society of Kenya condemned the shootings, and the Medical Association of Nigeria called a strike.");
        List<String> orgs = names(doc, EntityType.ORGANIZATION);
        assertTrue(orgs.contains("Law Society of Kenya") && orgs.contains("Medical Association of Nigeria"), orgs.toString());
        AnnotatedArticle republic = annotate("March", "Thousands marched in the Republic of Ireland on Sunday.");
        assertTrue(names(republic, EntityType.ORGANIZATION).isEmpty(), republic.entities().toString());
    }
}
