package io.newsline.nlp.events;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Mention;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.AnnotatedArticle;
import io.newsline.nlp.domain.NameMention;
import io.newsline.nlp.domain.Sentence;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the recogniser's output for a hand-written article, so the event extractor can be tested
 * alone: sentences split at full stops, paragraphs at blank lines, and the places and names the
 * test declares found wherever they are written.
 */
final class TestArticle {

    /** Up to a full stop that ends a sentence; "6.1" and "U.S." do not. */
    private static final Pattern SENTENCE = Pattern.compile("(?:[^.!?\\n]|[.!?](?=\\S))+(?:[.!?]+|$)");

    private final String published;
    private String title = "";
    private String body = "";
    private final List<Object[]> places = new ArrayList<>();
    private final List<Object[]> names = new ArrayList<>();

    private TestArticle(String published) {
        this.published = published;
    }

    static TestArticle publishedAt(String published) {
        return new TestArticle(published);
    }

    TestArticle title(String title) {
        this.title = title;
        return this;
    }

    /** The body, one string a paragraph. */
    TestArticle body(String... paragraphs) {
        this.body = String.join("\n\n", paragraphs);
        return this;
    }

    TestArticle settlement(String name, double lat, double lon, String country) {
        places.add(new Object[] {name, lat, lon, country, "PPL", Place.EXACT});
        return this;
    }

    TestArticle region(String name, double lat, double lon, String country) {
        places.add(new Object[] {name, lat, lon, country, "ADM1", Place.REGION});
        return this;
    }

    TestArticle country(String name, double lat, double lon, String code) {
        places.add(new Object[] {name, lat, lon, code, "PCLI", Place.COUNTRY});
        return this;
    }

    /** A place the gazetteer does not know: its name, no coordinates. */
    TestArticle unresolved(String name) {
        places.add(new Object[] {name, null, null, null, null, null});
        return this;
    }

    /** A place missing from the gazetteer, placed at the town the text ties it to. */
    TestArticle near(String name, double lat, double lon, String country) {
        places.add(new Object[] {name, lat, lon, country, null, Place.NEAR});
        return this;
    }

    TestArticle person(String name) {
        names.add(new Object[] {name, EntityType.PERSON});
        return this;
    }

    TestArticle organisation(String name) {
        names.add(new Object[] {name, EntityType.ORGANIZATION});
        return this;
    }

    AnnotatedArticle build() {
        List<Sentence> sentences = new ArrayList<>();
        split(Mention.TITLE, title, sentences);
        split(Mention.BODY, body, sentences);
        long id = 1;
        List<Place> resolved = new ArrayList<>();
        for (Object[] p : places) {
            String name = (String) p[0];
            List<Mention> mentions = mentions(name);
            boolean known = p[4] != null;
            resolved.add(new Place(name, List.of(name), (Double) p[1], (Double) p[2], (String) p[3], null,
                    known ? id++ : null, (String) p[4], (String) p[5], known ? 0.9 : 0.4, mentions));
        }
        List<NameMention> nameMentions = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        for (Object[] n : names) {
            String name = (String) n[0];
            List<Mention> mentions = mentions(name);
            for (Mention m : mentions) {
                nameMentions.add(new NameMention(name, (EntityType) n[1], m.field(), m.start(), m.end(),
                        sentenceOf(sentences, m)));
            }
            entities.add(new Entity(name, (EntityType) n[1], mentions));
        }
        Article article = new Article("test-article", title, body, null, "test", published, "en", "text", published);
        return new AnnotatedArticle(article, OffsetDateTime.parse(published), sentences, nameMentions, entities,
                resolved);
    }

    private void split(String field, String text, List<Sentence> out) {
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (start < end) {
                out.add(new Sentence(out.size(), field, start, end, text.substring(start, end)));
            }
        }
    }

    private List<Mention> mentions(String name) {
        List<Mention> out = new ArrayList<>();
        for (String field : List.of(Mention.TITLE, Mention.BODY)) {
            String text = field.equals(Mention.TITLE) ? title : body;
            Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text);
            while (m.find()) {
                out.add(new Mention(field, m.start(), m.end()));
            }
        }
        return out;
    }

    private static int sentenceOf(List<Sentence> sentences, Mention m) {
        for (Sentence s : sentences) {
            if (s.field().equals(m.field()) && m.start() >= s.start() && m.end() <= s.end()) {
                return s.index();
            }
        }
        return -1;
    }
}
