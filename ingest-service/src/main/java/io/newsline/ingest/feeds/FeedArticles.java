package io.newsline.ingest.feeds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsline.ingest.intake.ArticleValidator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a feed item into the JSON of a posted article, so it goes through the same validation,
 * normalisation and id derivation: its link is the URL (the id comes from it), else its GUID gives
 * the id; title and content are HTML; the feed's date becomes {@code publishedAt}.
 */
public final class FeedArticles {

    private static final DateTimeFormatter RFC_822_NAMED_ZONE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH);

    private FeedArticles() {}

    public static ObjectNode toArticleJson(FeedDefinition feed, String feedTitle, FeedItem item) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", "html");
        String title = item.title();
        String content = item.content();
        // Many feeds carry only a headline: the headline is then the whole text we have.
        json.put("title", title);
        json.put("body", content == null || content.isBlank() ? title : content);
        String link = httpUrl(item.link());
        String guidUrl = httpUrl(item.guid());
        if (link != null) {
            json.put("url", link);
        } else if (guidUrl != null) {
            json.put("url", guidUrl);
        } else if (item.guid() != null) {
            json.put("id", "g-" + digest(feed.url() + "\n" + item.guid()));
        }
        String source = feed.source() != null ? feed.source() : feedTitle;
        if (source != null && !source.isBlank()) {
            json.put("source", source.strip());
        }
        String published = date(item.published());
        if (published != null) {
            json.put("publishedAt", published);
        }
        return json;
    }

    /** An RFC 822 (RSS) or ISO-8601 (Atom) date as ISO-8601; null when it is neither, so the time received applies. */
    static String date(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        OffsetDateTime iso = ArticleValidator.parseIsoDate(t);
        if (iso != null) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(iso);
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_822_NAMED_ZONE}) {
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.parse(t, f).toOffsetDateTime());
            } catch (DateTimeException e) {
                // try the next form
            }
        }
        return null;
    }

    private static String httpUrl(String s) {
        if (s == null) {
            return null;
        }
        try {
            URI u = new URI(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? s.strip() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
