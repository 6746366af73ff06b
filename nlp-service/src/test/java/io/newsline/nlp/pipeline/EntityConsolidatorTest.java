package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.nlp.domain.NameMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityConsolidatorTest {

    private final List<NameMention> mentions = new ArrayList<>();

    private void mention(String text, EntityType type) {
        int start = mentions.isEmpty() ? 0 : mentions.get(mentions.size() - 1).end() + 1;
        mentions.add(new NameMention(text, type, "body", start, start + text.length(), mentions.size()));
    }

    @Test
    void aSurnameJoinsTheOneFullNameItEnds() {
        mention("Maria Ortega", EntityType.PERSON);
        mention("Ortega", EntityType.PERSON);
        mention("Ortega", EntityType.ORGANIZATION);

        List<Entity> entities = EntityConsolidator.consolidate(mentions).entities();

        assertEquals(1, entities.size());
        assertEquals("Maria Ortega", entities.get(0).text());
        assertEquals(EntityType.PERSON, entities.get(0).type());
        assertEquals(3, entities.get(0).mentions().size());
    }

    @Test
    void aSurnameSharedByTwoPeopleStaysOnItsOwn() {
        mention("Carlos Ortega", EntityType.PERSON);
        mention("Maria Ortega", EntityType.PERSON);
        mention("Ortega", EntityType.PERSON);

        List<Entity> entities = EntityConsolidator.consolidate(mentions).entities();

        assertEquals(List.of("Carlos Ortega", "Maria Ortega", "Ortega"), entities.stream().map(Entity::text).toList());
    }

    @Test
    void aNameTakesTheTypeMostOfItsMentionsHave() {
        mention("Bakhmut", EntityType.LOCATION);
        mention("Bakhmut", EntityType.PERSON);
        mention("bakhmut", EntityType.LOCATION);

        EntityConsolidator.Result result = EntityConsolidator.consolidate(mentions);

        assertEquals(1, result.entities().size());
        assertEquals(EntityType.LOCATION, result.entities().get(0).type());
        result.mentions().forEach(m -> assertEquals(EntityType.LOCATION, m.type()));
    }

    @Test
    void anAcronymStaysAnOrganisationBesideItsExpansion() {
        mention("World Food Programme", EntityType.ORGANIZATION);
        mention("WFP", EntityType.ORGANIZATION);
        mention("the World Food Programme", EntityType.ORGANIZATION);

        List<Entity> entities = EntityConsolidator.consolidate(mentions).entities();

        assertEquals(List.of("World Food Programme", "WFP"), entities.stream().map(Entity::text).toList());
        assertEquals(2, entities.get(0).mentions().size());
    }

    @Test
    void aPlaceIsNotTakenForASurname() {
        mention("George Washington", EntityType.PERSON);
        mention("Washington", EntityType.LOCATION);

        assertEquals(2, EntityConsolidator.consolidate(mentions).entities().size());
    }
}
