package io.newsline.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRssItemsWithContentEncodedPreferredOverDescription() {
        ParsedFeed feed = parse("""
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel><title>Wire</title>
                    <item><title>One</title><link>https://w.example/1</link><guid>g1</guid>
                      <description>short</description><content:encoded><![CDATA[<p>long</p>]]></content:encoded>
                      <dc:creator>Someone</dc:creator><pubDate>Sat, 07 Jun 2025 08:30:00 GMT</pubDate></item>
                    <item><title>Two</title><description>only</description></item>
                  </channel>
                </rss>""");
        assertEquals("Wire", feed.title());
        assertEquals(2, feed.items().size());
        FeedItem one = feed.items().get(0);
        assertEquals(new FeedItem("g1", "https://w.example/1", "One", "<p>long</p>", "Sat, 07 Jun 2025 08:30:00 GMT"), one);
        assertNull(feed.items().get(1).link());
    }

    @Test
    void readsAtomEntriesWithTheirAlternateLinkAndXhtmlContent() {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
                  <entry><title>E</title><link rel="self" href="https://a.example/self"/>
                    <link href="https://a.example/e"/><id>urn:x:1</id><updated>2025-06-08T12:00:00Z</updated>
                    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b></p></div></content>
                  </entry>
                </feed>""");
        FeedItem e = feed.items().get(0);
        assertEquals("Desk", feed.title());
        assertEquals("https://a.example/e", e.link());
        assertEquals("urn:x:1", e.guid());
        assertEquals("Hello world", e.content().strip());
        assertEquals("2025-06-08T12:00:00Z", e.published());
    }

    @Test
    void refusesOtherDocumentsAndExternalEntities() {
        assertThrows(FeedFormatException.class, () -> parse("<html><body>no</body></html>"));
        assertThrows(FeedFormatException.class, () -> parse("not xml at all"));
        assertThrows(FeedFormatException.class, () -> parse("""
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>"""));
    }

    @Test
    void itemsBecomeArticleJsonWithTheLinkOrElseTheGuidAsIdentity() {
        FeedDefinition def = new FeedDefinition("f", "https://f.example/rss", Duration.ofMinutes(5), null, FeedDefinition.Origin.API);
        var withLink = FeedArticles.toArticleJson(def, "Wire", new FeedItem("g", "https://w.example/1", "T", null, "Sat, 07 Jun 2025 08:30:00 GMT"));
        assertEquals("https://w.example/1", withLink.get("url").asText());
        assertEquals("T", withLink.get("body").asText(), "a headline-only item uses its headline as text");
        assertEquals("2025-06-07T08:30:00Z", withLink.get("publishedAt").asText());
        assertEquals("Wire", withLink.get("source").asText());
        assertEquals("html", withLink.get("format").asText());

        var guidOnly = FeedArticles.toArticleJson(def, null, new FeedItem("urn:x", null, "T", "B", "garbage date"));
        assertTrue(guidOnly.get("id").asText().startsWith("g-"));
        assertNull(guidOnly.get("publishedAt"));
        var again = FeedArticles.toArticleJson(def, null, new FeedItem("urn:x", null, "T2", "B2", null));
        assertEquals(guidOnly.get("id"), again.get("id"));

        assertEquals("2025-06-07T09:00:00-04:00", FeedArticles.date("Sat, 7 Jun 2025 09:00:00 EDT"));
    }
}
