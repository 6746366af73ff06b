package io.newsline.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole enrichment of one article: what goes in, what comes out, and the inputs it must survive. */
class EnrichmentPipelineTest {

    private static Article article(String title, String body, String language, String format) {
        return new Article("a1", title, body, null, "Test Wire", "2025-03-14T10:00:00Z", language, format, null);
    }

    @Test
    void anEnglishArticleGetsPeopleGeocodedPlacesAndNlpInfo() {
        EnrichedArticle out = Models.pipeline().enrich(article("Missiles hit Kharkiv",
                "Russian missiles struck Kharkiv on Saturday, Governor Oleh Syniehubov said.", null, null));

        assertEquals("en", out.language());
        assertEquals("en", out.nlp().language());
        assertNotNull(out.nlp().version());
        assertNull(out.nlp().skipped());
        assertTrue(out.entities().stream().anyMatch(e -> e.type() == EntityType.PERSON && e.text().equals("Oleh Syniehubov")));
        assertTrue(out.locations().stream().anyMatch(p -> p.name().contains("Kharkiv") && p.lat() != null), out.locations().toString());
    }

    @Test
    void aUkrainianArticleGetsPlacesByTheirLemmasAndPersonsByTheDictionary() {
        EnrichedArticle out = Models.pipeline().enrich(article("Вибух у Полтаві",
                "Уночі в Полтаві пролунав вибух, повідомив Петро Ковальчук. На Полтавщині та в Сумській області"
                        + " оголошували тривогу.", null, null));

        assertEquals("uk", out.nlp().language());
        assertNull(out.nlp().skipped());
        var poltava = out.locations().stream().filter(p -> p.name().equals("Poltava") && p.lat() != null).findFirst();
        assertTrue(poltava.isPresent(), out.locations().toString());
        assertTrue(poltava.get().matchedText().contains("Полтаві"), poltava.get().matchedText().toString());
        assertTrue(out.locations().stream().anyMatch(p -> p.name().equals("Sumy") && "ADM1".equals(p.featureCode())),
                out.locations().toString());
        assertTrue(out.entities().stream().anyMatch(e -> e.type() == EntityType.PERSON && e.text().equals("Петро Ковальчук")),
                out.entities().toString());
    }

    @Test
    void aHromadaNamedByItsAdjectiveIsItsSettlement() {
        EnrichedArticle ochakiv = Models.pipeline().enrich(article("Обстріл громади",
                "Увечері ворог обстріляв Очаківську громаду з артилерії.", "uk", null));
        assertTrue(ochakiv.locations().stream().anyMatch(p -> p.name().equals("Ochakiv") && p.lat() != null
                && p.matchedText().contains("Очаківську")), ochakiv.locations().toString());

        EnrichedArticle marhanets = Models.pipeline().enrich(article("Атака дронів",
                "Зранку дрони атакували Марганецьку громаду, пошкоджено склад.", "uk", null));
        assertTrue(marhanets.locations().stream().anyMatch(p -> p.name().equals("Marhanets")), marhanets.locations().toString());
    }

    @Test
    void organisationsByAbbreviationOutletAndInstitutionPhrase() {
        EnrichedArticle out = Models.pipeline().enrich(article("Новини Полтави",
                "Як повідомляє УНІАН-Київ, голова ПОВА звернувся до мешканців. Заяву оприлюднила й Полтавська міська"
                        + " військова адміністрація, а текст переказало видання NewsRoom.", "uk", null));

        List<String> orgs = out.entities().stream().filter(e -> e.type() == EntityType.ORGANIZATION).map(Entity::text).toList();
        assertTrue(orgs.contains("ПОВА"), orgs.toString());
        assertTrue(orgs.contains("УНІАН-Київ"), orgs.toString());
        assertTrue(orgs.contains("NewsRoom"), orgs.toString());
        assertTrue(orgs.contains("Полтавська міська військова адміністрація"), orgs.toString());
        assertTrue(out.locations().stream().noneMatch(p -> p.matchedText().contains("Полтавська")), out.locations().toString());
    }

    @Test
    void aRussianArticleGetsItsPlacesToo() {
        EnrichedArticle out = Models.pipeline().enrich(article("Пожар на складе",
                "Вчера в Курской области и в Воронеже тушили пожары, сообщило МЧС.", "ru", null));

        assertEquals("ru", out.nlp().language());
        assertTrue(out.locations().stream().anyMatch(p -> p.name().startsWith("Kursk")), out.locations().toString());
        assertTrue(out.locations().stream().anyMatch(p -> p.name().startsWith("Voronezh")), out.locations().toString());
        assertTrue(out.entities().stream().anyMatch(e -> e.type() == EntityType.ORGANIZATION && e.text().equals("МЧС")));
    }

    @Test
    void aLanguageThePipelineCannotReadPassesThroughWithTheReason() {
        EnrichedArticle out = Models.pipeline().enrich(article("Brücke gesperrt",
                "Die Stadt hat die Brücke am Montag gesperrt, und der Verkehr wird umgeleitet.", null, null));

        assertEquals("de", out.nlp().language());
        assertTrue(out.nlp().skipped().contains("not supported"));
        assertTrue(out.entities().isEmpty() && out.locations().isEmpty() && out.events().isEmpty());
    }

    @Test
    void garbledTextIsSkippedNotGuessedAt() {
        EnrichedArticle out = Models.pipeline().enrich(article("qzx", "xq7 zzkv 93jf qpw lkjh vbnm rtyu ###", null, null));

        assertEquals(LanguageDetector.UNDETERMINED, out.nlp().language());
        assertNotNull(out.nlp().skipped());
    }

    @Test
    void htmlIsReadAsTextAndOffsetsIndexThatText() {
        EnrichedArticle out = Models.pipeline().enrich(article("Talks in Geneva",
                "<p>Foreign ministers met in <b>Geneva</b> on Tuesday.</p><p>Secretary Antony Blinken attended.</p>", "en", "html"));

        assertTrue(out.body().startsWith("Foreign ministers met in Geneva"), out.body());
        Entity blinken = out.entities().stream().filter(e -> e.text().equals("Antony Blinken")).findFirst().orElseThrow();
        var m = blinken.mentions().get(0);
        assertEquals("Antony Blinken", out.body().substring(m.start(), m.end()));
    }

    @Test
    void anInputWithoutTitleOrBodyIsNotAnArticle() {
        assertThrows(InvalidArticleException.class, () -> Models.pipeline().enrich(article(null, "text", null, null)));
        assertThrows(InvalidArticleException.class, () -> Models.pipeline().enrich(article("title", null, null, null)));
        assertThrows(InvalidArticleException.class,
                () -> Models.pipeline().enrich(article("title", "x".repeat(EnrichmentPipeline.MAX_BODY + 1), null, null)));
    }

    @Test
    void aHugeBodyWithoutPunctuationIsEnriched() {
        // 200,000 characters of one unpunctuated "sentence": cut into pieces, it is read in seconds.
        StringBuilder body = new StringBuilder();
        while (body.length() < EnrichmentPipeline.MAX_BODY - 60) {
            body.append("troops moved toward Kupiansk and officials in Kyiv said talks went on ");
        }
        EnrichedArticle out = Models.pipeline().enrich(article("Long report", body.substring(0, EnrichmentPipeline.MAX_BODY - 60), "en", null));

        assertTrue(out.entities().stream().anyMatch(e -> e.text().equals("Kyiv")));
    }
}
