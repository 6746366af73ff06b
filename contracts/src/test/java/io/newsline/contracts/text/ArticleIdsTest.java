package io.newsline.contracts.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void sameArticleBehindTrackingParametersAndCaseGetsOneId() {
        String a = ArticleIds.derive("https://News.Example.org/world/kharkiv-strike?utm_source=rss#top", "t", "b");
        String b = ArticleIds.derive("http://news.example.org/world/kharkiv-strike/", "other title", "other body");
        assertEquals(a, b);
    }

    @Test
    void meaningfulQueryParametersKeepArticlesApart() {
        assertNotEquals(
                ArticleIds.derive("https://example.org/a?id=1", "t", "b"),
                ArticleIds.derive("https://example.org/a?id=2", "t", "b"));
    }

    @Test
    void withoutUrlTheTextDecidesIgnoringWhitespaceAndCase() {
        assertEquals(ArticleIds.derive(null, "Strike on Kharkiv", "Two  killed.\r\n"),
                ArticleIds.derive(" ", "strike on kharkiv", "Two killed."));
        assertNotEquals(ArticleIds.derive(null, "Strike on Kharkiv", "Two killed."),
                ArticleIds.derive(null, "Strike on Kharkiv", "Three killed."));
    }
}
